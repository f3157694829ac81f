package io.shopgraph.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * DESIGN.md rule 4 for SQL: each module's migrations live in {@code db/migration/<module>/}, are
 * named {@code V<yyyyMMddHHmm>__<module>_<what>.sql}, and touch no other module's schema.
 */
class MigrationOwnershipTest {

    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    @Test
    void migrationsAreNamedForTheirModuleAndStayInItsSchema() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(MIGRATIONS)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            String module = MIGRATIONS.relativize(file).getName(0).toString();
            assertThat(ArchitectureTest.DESIGN_DEPENDENCIES).as("folder of %s is a module", file).containsKey(module);
            assertThat(file.getFileName().toString()).as("name of %s", file)
                    .matches("V\\d{12}__" + module + "_[a-z0-9_]+\\.sql");
            String sql = Files.readString(file).toLowerCase(Locale.ROOT).replaceAll("--[^\\n]*", "");
            for (String other : ArchitectureTest.DESIGN_DEPENDENCIES.keySet()) {
                if (!other.equals(module)) {
                    assertThat(Pattern.compile("\\b" + other + "\\.[a-z_]+").matcher(sql).find())
                            .as("%s must not reference schema %s", file, other).isFalse();
                }
            }
        }
    }
}
