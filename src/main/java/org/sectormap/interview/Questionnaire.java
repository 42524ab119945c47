package org.sectormap.interview;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The questionnaire as it stands now: themed sections, each with its questions in order. */
public record Questionnaire(List<Section> sections) {

    public record Section(long id, int position, String code, String title, List<Question> questions) {
    }

    public record Question(long id, long sectionId, int position, String text) {
    }

    public List<Question> questions() {
        return sections.stream().flatMap(s -> s.questions().stream()).toList();
    }

    /** Each section's title as it stands now, by its code. */
    public Map<String, String> titles() {
        return sections.stream().collect(Collectors.toMap(Section::code, Section::title, (a, b) -> a));
    }

    public Section sectionOf(Question question) {
        return sections.stream().filter(s -> s.id() == question.sectionId()).findFirst().orElseThrow();
    }
}
