package org.sectormap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The feature packages are modules: each exposes only what others use and none depends on
 * another in a cycle. The diagrams written to target/spring-modulith-docs are the map of the code;
 * the committed copy in docs/modules.puml must show the same dependencies.
 */
class ModularityTests {

    private static final ApplicationModules MODULES = ApplicationModules.of(SectorMapApplication.class);

    @Test
    void shouldHaveNoCyclesAndUseOnlyWhatModulesExpose() {
        MODULES.verify();
    }

    @Test
    void shouldKeepTheCommittedMapOfTheModulesUpToDate() throws IOException {
        String folder = "target/spring-modulith-docs";
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(folder))
                .writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases();
        Path written = Path.of(folder, "components.puml");
        assertThat(dependencies(Path.of("docs/modules.puml")))
                .as("docs/modules.puml is out of date: copy %s over it and update the README's map", written)
                .isEqualTo(dependencies(written));
    }

    private static List<String> dependencies(Path plantUml) throws IOException {
        return Files.readAllLines(plantUml).stream().filter(line -> line.startsWith("Rel(")).sorted().toList();
    }
}
