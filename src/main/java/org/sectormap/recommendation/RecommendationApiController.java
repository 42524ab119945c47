package org.sectormap.recommendation;

import java.util.List;
import java.util.Map;

import org.sectormap.shared.ApiController;
import org.sectormap.shared.NotFoundException;
import org.sectormap.shared.SignedIn;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

import com.fasterxml.jackson.annotation.JsonInclude;

@ApiController
class RecommendationApiController {

    private final RecommendationService recommendations;

    RecommendationApiController(RecommendationService recommendations) {
        this.recommendations = recommendations;
    }

    /** Supporting comments appear as everywhere in the API: theme and text only. */
    record CommentJson(String theme, String text) {
    }

    /** For a viewer, without {@code themes} and {@code comments}, which are not theirs to read. */
    record RecommendationJson(long id, int number, String text, RecommendationStatus status,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<String> themes,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<CommentJson> comments, List<Recommendation.Note> notes) {

        static RecommendationJson of(Recommendation r) {
            boolean viewer = SignedIn.viewer();
            return new RecommendationJson(r.id(), r.number(), r.text(), r.status(),
                    viewer ? null : r.themes().stream().map(t -> t.name()).toList(),
                    viewer ? null : r.comments().stream()
                            .map(c -> new CommentJson(c.sectionCode() + ". " + c.sectionTitle(), c.text())).toList(),
                    r.notes());
        }
    }

    record GroupJson(String heading, String addressedTo, List<RecommendationJson> recommendations) {
    }

    record StatusChange(String status, String notedOn, String note) {
    }

    @GetMapping("/api/recommendations")
    List<GroupJson> all() {
        return recommendations.groups().stream().map(g -> new GroupJson(g.heading(), g.addressedTo(),
                g.items().stream().map(RecommendationJson::of).toList())).toList();
    }

    @GetMapping("/api/recommendations/{id}")
    RecommendationJson one(@PathVariable long id) {
        return RecommendationJson.of(load(id));
    }

    @PostMapping(path = "/api/recommendations/{id}/status", consumes = "application/json")
    ResponseEntity<?> changeStatus(@PathVariable long id, @RequestBody StatusChange change) {
        load(id);
        recommendations.changeStatus(id, change.status(), change.notedOn(), change.note());
        return ResponseEntity.ok(RecommendationJson.of(load(id)));
    }

    private Recommendation load(long id) {
        return recommendations.find(id).orElseThrow(() -> new NotFoundException("error.notFound.recommendation", id));
    }
}
