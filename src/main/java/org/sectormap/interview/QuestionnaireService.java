package org.sectormap.interview;

import java.util.Optional;

import org.sectormap.shared.Input;
import org.sectormap.shared.Inputs;
import org.sectormap.shared.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Edits to the questionnaire. Recorded interviews keep a copy of each question as it was asked,
 * so an edit changes only the interviews still to come.
 */
@Service
public class QuestionnaireService {

    static final int QUESTION_LENGTH = 1000;
    static final int TITLE_LENGTH = 300;
    private static final String TEXT = "text";

    private final QuestionnaireRepository repository;

    private final Inputs inputs;

    QuestionnaireService(QuestionnaireRepository repository, Inputs inputs) {
        this.repository = repository;
        this.inputs = inputs;
    }

    /** The text of a question or a section's title, as typed: required, and no longer than {@code max}. */
    private String text(String typed, int max) {
        Input in = inputs.read(field -> typed);
        String value = in.text(TEXT, max);
        if (value == null && !in.has(TEXT)) {
            in.problem(TEXT, "questionnaire.error.required");
        }
        in.throwIfInvalid();
        return value;
    }

    @Transactional(readOnly = true)
    public Questionnaire current() {
        return repository.load();
    }

    @Transactional(readOnly = true)
    Optional<Questionnaire.Question> question(long id) {
        return repository.question(id);
    }

    /** @throws InvalidInputException naming {@code text} */
    @Transactional
    boolean addQuestion(long sectionId, String typed) {
        String text = text(typed, QUESTION_LENGTH);
        if (!repository.sectionExists(sectionId)) {
            return false;
        }
        repository.addQuestion(sectionId, text);
        return true;
    }

    /** @throws InvalidInputException naming {@code text} */
    @Transactional
    boolean updateQuestion(long id, String typed) {
        return repository.updateQuestion(id, text(typed, QUESTION_LENGTH));
    }

    @Transactional
    boolean deleteQuestion(long id) {
        return repository.deleteQuestion(id);
    }

    /** @throws InvalidInputException naming {@code text} */
    @Transactional
    boolean renameSection(long id, String typed) {
        return repository.updateSectionTitle(id, text(typed, TITLE_LENGTH));
    }
}
