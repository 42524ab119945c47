package org.sectormap.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.sectormap.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;

/** A page deep in the list, read by its ids first, holds the records the list has there, in its order. */
@DatabaseTest
class DeepPageTests {

    @Autowired
    OrganisationService service;

    @Autowired
    OrganisationRepository repository;

    @Autowired
    QueryParameters parameters;

    @Test
    void shouldGiveADeepPageTheRecordsTheWholeListHasThere() {
        Random random = new Random(7);
        List<OrganisationDetails> register = new ArrayList<>();
        int size = (int) OrganisationRepository.DEEP_OFFSET * 2;
        for (int i = 0; i < size; i++) {
            boolean interviewed = random.nextInt(4) != 0;
            // Few distinct names and dates, so ties are broken by id.
            register.add(OrganisationDetails.of("Group " + random.nextInt(50),
                            interviewed ? OutreachStatus.INTERVIEWED : OutreachStatus.LISTED)
                    .with(OrganisationField.INTERVIEW_DATE, interviewed && random.nextBoolean()
                            ? LocalDate.of(2007, 7, 1).plusDays(random.nextInt(5)) : null));
        }
        service.createAll(register, null);

        for (Map<String, String> order : List.of(Map.of("sort", "name"), Map.of("sort", "interview-date", "dir", "desc"),
                Map.of("sort", "name", "status", "interviewed"), Map.of("sort", "status", "dir", "desc"),
                Map.of("sort", "name", "dir", "desc", "status", "listed"))) {
            List<Long> whole = new ArrayList<>();
            repository.forEach(parameters.read(order), o -> whole.add(o.id()));
            // Past the middle, a page is read from the other end and turned round; the last may be short.
            for (int at : List.of((int) OrganisationRepository.DEEP_OFFSET - 1, (int) OrganisationRepository.DEEP_OFFSET,
                    whole.size() / 2, whole.size() - 10, whole.size() - 7, whole.size() - 1).stream()
                    .filter(at -> at < whole.size()).toList()) {
                int page = at / 10 + 1;
                Map<String, String> params = new HashMap<>(order);
                params.put("page", String.valueOf(page));
                params.put("size", "10");
                List<Long> ids = service.search(parameters.read(params)).items().stream().map(Organisation::id).toList();
                int from = (page - 1) * 10;
                assertThat(ids).as("page %d of %s", page, order)
                        .isEqualTo(whole.subList(from, Math.min(whole.size(), from + 10)));
            }
        }
    }
}
