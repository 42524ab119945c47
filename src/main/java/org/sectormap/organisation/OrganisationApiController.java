package org.sectormap.organisation;

import java.util.List;
import java.util.Map;

import org.sectormap.shared.ApiController;
import org.sectormap.shared.SignedIn;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

@ApiController("/api/organisations")
class OrganisationApiController {

    private final OrganisationService service;
    private final QueryParameters queryParameters;

    OrganisationApiController(OrganisationService service, QueryParameters queryParameters) {
        this.service = service;
        this.queryParameters = queryParameters;
    }

    /** {@code totalExact} is false when the total is an estimate, to two significant figures. */
    record PageJson(List<Map<String, Object>> items, long total, boolean totalExact) {
    }

    @GetMapping
    PageJson search(@RequestParam Map<String, String> params) {
        OrganisationService.Page page = service.search(queryParameters.read(params));
        boolean viewer = SignedIn.viewer();
        return new PageJson(page.items().stream().map(o -> OrganisationJson.of(o, viewer)).toList(), page.total(),
                page.exact());
    }

    @GetMapping("/{id}")
    Map<String, Object> get(@PathVariable long id) {
        return OrganisationJson.of(service.get(id), SignedIn.viewer());
    }
}
