package org.sectormap.shared;

import java.util.List;

/** A body or parameter set that breaks the rules; the API answers 400 with every problem, by field. */
public class InvalidInputException extends RuntimeException {

    private final transient List<Problem> problems;

    public InvalidInputException(List<Problem> problems) {
        super("Invalid input: " + problems.stream().map(Problem::field).toList());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
