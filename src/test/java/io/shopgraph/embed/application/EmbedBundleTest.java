package io.shopgraph.embed.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Joining the widget's files into one module, and naming it by its content. */
class EmbedBundleTest {

    @Test
    void importsBetweenTheWidgetsOwnFilesGoAndEverythingElseStays() {
        String source = """
                import { createClient, ApiError } from './client.mjs';
                import { money } from './format.mjs';
                import something from 'https://cdn.example/lib.mjs';
                const text = "import x from './client.mjs';";
                export function boot() {}
                """;
        String module = EmbedBundle.join(java.util.List.of(source));
        assertThat(module).doesNotContain("from './client.mjs';\n", "from './format.mjs'")
                .contains("import something from 'https://cdn.example/lib.mjs';", "const text = \"import x from './client.mjs';\";",
                        "export function boot() {}");
    }

    @Test
    void theLoaderNamesTheModuleByItsContent() {
        EmbedBundle one = EmbedBundle.of("export const a = 1;\n", "import('__BUNDLE__')");
        EmbedBundle same = EmbedBundle.of("export const a = 1;\n", "import('__BUNDLE__')");
        EmbedBundle other = EmbedBundle.of("export const a = 2;\n", "import('__BUNDLE__')");
        assertThat(one.hash()).hasSize(16).matches("[0-9a-f]+").isEqualTo(same.hash()).isNotEqualTo(other.hash());
        assertThat(new String(one.loader(), StandardCharsets.UTF_8)).isEqualTo("import('" + one.hash() + "/shopgraph.mjs')");
        assertThat(one.modulePath()).isEqualTo(one.hash() + "/shopgraph.mjs");
    }

    @Test
    void theRealSourcesJoinIntoOneModuleWithinBudget() {
        EmbedBundle bundle = EmbedBundle.fromClasspath();
        String module = new String(bundle.module(), StandardCharsets.UTF_8);
        assertThat(module).doesNotContain("from './").contains("export async function boot(");
        assertThat(bundle.gzipped().length).isLessThanOrEqualTo(35 * 1024);
        assertThat(bundle.loaderGzipped().length).isLessThan(1024);
    }
}
