package org.sectormap.imports;

import static org.sectormap.imports.DemoDataCsv.list;
import static org.sectormap.imports.DemoDataCsv.yes;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVRecord;
import org.sectormap.organisation.OrganisationField;
import org.sectormap.outreach.ContactAttemptForm;
import org.sectormap.comment.AnonymousComment;
import org.sectormap.interview.Questionnaire;
import org.springframework.stereotype.Component;

/**
 * The worked example beyond its register: contact attempts, who was found through whom,
 * interviews whose answers about the wider sector become anonymous comments, those comments
 * coded into themes, and the themes and comments behind each recommendation.
 */
@Component
class DemoDataWorkedExample {

    private static final DemoDataSet SET = DemoDataSet.WORKED_EXAMPLE;
    private static final String ANSWERS = "answers.csv";
    private static final String ABOUT_SECTOR = "sector";
    private static final Pattern QUESTION = Pattern.compile("([A-Za-z]+)(\\d+)");

    private final DemoDataStore store;

    DemoDataWorkedExample(DemoDataStore store) {
        this.store = store;
    }

    /**
     * @param organisations the register just imported, ids by name
     * @param recommendations the report's recommendations by number, if this load added them
     */
    void load(Map<String, Long> organisations, Map<Integer, Long> recommendations) {
        for (CSVRecord row : rows("attempts.csv")) {
            store.recordAttempt(id(organisations, row.get("organisation")), new ContactAttemptForm(
                    row.get("attempted_on"), row.get("method"), row.get("outcome"), row.get("note"), null));
        }
        for (CSVRecord row : rows("referrals.csv")) {
            store.setReferrer(id(organisations, row.get("organisation")), id(organisations, row.get("referred_by")));
        }
        Set<String> earlier = commentIds(store.comments());
        interviews(organisations);
        store.releaseDemoComments();
        codeAndLink(newComments(earlier), recommendations);
    }

    private void interviews(Map<String, Long> organisations) {
        Questionnaire questionnaire = store.questionnaire();
        Map<String, CSVRecord> register = rows("organisations.csv").stream()
                .collect(Collectors.toMap(r -> r.get("name"), r -> r));
        Map<String, List<CSVRecord>> answers = rows(ANSWERS).stream()
                .collect(Collectors.groupingBy(r -> r.get("organisation")));
        for (CSVRecord row : rows("interviews.csv")) {
            String name = row.get("organisation");
            // The register row says how the interview went; the interview repeats it, so the two agree.
            CSVRecord held = register.get(name);
            // Typed as the interview form would send it, so the form's rules check the shipped data too.
            Map<String, String> typed = new HashMap<>();
            typed.put("heldOn", held.get("interview_date"));
            typed.put("mode", held.get("interview_mode"));
            typed.put("intervieweeRole", row.get("interviewee_role"));
            typed.put("interviewer", row.get("interviewer"));
            typed.put("cypBoard", row.get("cyp_board"));
            typed.put("statutoryWork", row.get("statutory_work"));
            for (String tick : List.of("full_interview", "follow_up", "well_informed")) {
                typed.put(OrganisationField.fromColumn(tick).orElseThrow().property(), held.get(tick));
            }
            for (CSVRecord answer : answers.getOrDefault(name, List.of())) {
                long question = questionId(questionnaire, answer);
                typed.put("answer-" + question, answer.get("text"));
                typed.put("about-" + question, answer.get("about"));
            }
            store.recordInterview(id(organisations, name), typed);
        }
    }

    /** Question "B2" is the second of section B, with its wording as the questionnaire now has it. */
    private static long questionId(Questionnaire questionnaire, CSVRecord row) {
        Matcher code = QUESTION.matcher(row.get("question"));
        Questionnaire.Section section = code.matches() ? questionnaire.sections().stream()
                .filter(s -> s.code().equals(code.group(1))).findFirst().orElse(null) : null;
        Questionnaire.Question question = section == null ? null : section.questions().stream()
                .filter(q -> q.position() == Integer.parseInt(code.group(2))).findFirst().orElse(null);
        if (question == null) {
            throw new IllegalStateException("The worked example answers question " + row.get("question")
                    + ", which the questionnaire does not have");
        }
        return question.id();
    }

    /** The comments this load's interviews left, found by their text: they carry nothing else to find them by. */
    private Map<String, String> newComments(Set<String> earlier) {
        Map<String, String> ids = new HashMap<>();
        store.comments().stream().filter(c -> !earlier.contains(c.id())).forEach(c -> {
            if (ids.put(c.text(), c.id()) != null) {
                throw new IllegalStateException("Two worked example comments say: " + c.text());
            }
        });
        return ids;
    }

    private void codeAndLink(Map<String, String> comments, Map<Integer, Long> recommendations) {
        List<CSVRecord> sector = rows(ANSWERS).stream().filter(r -> ABOUT_SECTOR.equals(r.get("about"))).toList();
        List<CSVRecord> recommendationThemes = rows("recommendation-themes.csv");
        Map<String, Long> themes = store.themeIds(Stream.concat(sector.stream(), recommendationThemes.stream())
                .flatMap(r -> list(r.get("themes")).stream()).collect(Collectors.toSet()));

        Map<Integer, Set<String>> supporting = new HashMap<>();
        for (CSVRecord row : sector) {
            String comment = Objects.requireNonNull(comments.get(row.get("text")),
                    () -> "No comment was recorded saying: " + row.get("text"));
            store.code(comment, themes(themes, row), yes(row.get("quote")));
            list(row.get("supports")).forEach(number -> supporting
                    .computeIfAbsent(Integer.valueOf(number), n -> new HashSet<>()).add(comment));
        }
        Map<Integer, Set<Long>> themed = recommendationThemes.stream()
                .collect(Collectors.toMap(r -> Integer.valueOf(r.get("number")), r -> themes(themes, r)));
        recommendations.forEach((number, id) -> store.link(id, themed.getOrDefault(number, Set.of()),
                supporting.getOrDefault(number, Set.of())));
    }

    private static Set<Long> themes(Map<String, Long> ids, CSVRecord row) {
        return list(row.get("themes")).stream().map(ids::get).collect(Collectors.toSet());
    }

    private static Set<String> commentIds(List<AnonymousComment> comments) {
        return comments.stream().map(AnonymousComment::id).collect(Collectors.toSet());
    }

    private static long id(Map<String, Long> organisations, String name) {
        Long id = organisations.get(name);
        if (id == null) {
            throw new IllegalStateException("The worked example has no organisation called " + name);
        }
        return id;
    }

    private static List<CSVRecord> rows(String file) {
        return DemoDataCsv.rows(SET.file(file));
    }
}
