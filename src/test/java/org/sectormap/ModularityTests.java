package org.sectormap;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The feature packages are modules: each exposes only what others use and none depends on
 * another in a cycle. The diagrams written to target/spring-modulith-docs are the map of the code.
 */
class ModularityTests {

    private static final ApplicationModules MODULES = ApplicationModules.of(SectorMapApplication.class);

    @Test
    void shouldHaveNoCyclesAndUseOnlyWhatModulesExpose() {
        MODULES.verify();
    }

    @Test
    void shouldDocumentTheModules() {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
