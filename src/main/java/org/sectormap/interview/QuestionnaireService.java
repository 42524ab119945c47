package org.sectormap.interview;

import java.util.Map;
import java.util.Optional;

import org.sectormap.audit.AuditKind;
import org.sectormap.audit.AuditTrail;
import org.sectormap.audit.Audited;

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
    static final String QUESTIONNAIRE = "questionnaire";

    private final QuestionnaireRepository repository;

    private final Inputs inputs;
    private final AuditTrail audit;

    QuestionnaireService(QuestionnaireRepository repository, Inputs inputs, AuditTrail audit) {
        this.audit = audit;
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
        long id = repository.addQuestion(sectionId, text);
        audit.created(audited(AuditKind.QUESTION, id), Map.of(TEXT, text));
        return true;
    }

    /** @throws InvalidInputException naming {@code text} */
    @Transactional
    boolean updateQuestion(long id, String typed) {
        String text = text(typed, QUESTION_LENGTH);
        Optional<Questionnaire.Question> before = repository.question(id);
        before.ifPresent(question -> {
            repository.updateQuestion(id, text);
            audit.changed(audited(AuditKind.QUESTION, id), Map.of(TEXT, question.text()), Map.of(TEXT, text));
        });
        return before.isPresent();
    }

    @Transactional
    boolean deleteQuestion(long id) {
        Optional<Questionnaire.Question> before = repository.question(id);
        before.ifPresent(question -> {
            repository.deleteQuestion(id);
            audit.deleted(audited(AuditKind.QUESTION, id), Map.of(TEXT, question.text()));
        });
        return before.isPresent();
    }

    /** @throws InvalidInputException naming {@code text} */
    @Transactional
    boolean renameSection(long id, String typed) {
        String title = text(typed, TITLE_LENGTH);
        Optional<Questionnaire.Section> before = repository.load().sections().stream()
                .filter(section -> section.id() == id).findFirst();
        before.ifPresent(section -> {
            repository.updateSectionTitle(id, title);
            audit.changed(audited(AuditKind.SECTION, id), Map.of(TEXT, section.title()), Map.of(TEXT, title));
        });
        return before.isPresent();
    }

    /** Every part of the questionnaire shows its changes on the questionnaire's page. */
    private static Audited audited(AuditKind kind, long id) {
        return Audited.of(kind, id).listedOn(QUESTIONNAIRE);
    }
}
