package org.sectormap.interview;

import java.util.Optional;

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

    private final QuestionnaireRepository repository;

    QuestionnaireService(QuestionnaireRepository repository) {
        this.repository = repository;
    }

    @Transactional(readOnly = true)
    public Questionnaire current() {
        return repository.load();
    }

    @Transactional(readOnly = true)
    Optional<Questionnaire.Question> question(long id) {
        return repository.question(id);
    }

    @Transactional
    boolean addQuestion(long sectionId, String text) {
        if (!repository.sectionExists(sectionId)) {
            return false;
        }
        repository.addQuestion(sectionId, text);
        return true;
    }

    @Transactional
    boolean updateQuestion(long id, String text) {
        return repository.updateQuestion(id, text);
    }

    @Transactional
    boolean deleteQuestion(long id) {
        return repository.deleteQuestion(id);
    }

    @Transactional
    boolean renameSection(long id, String title) {
        return repository.updateSectionTitle(id, title);
    }
}
