package io.shopgraph.platform.graphql;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The served schema must equal the committed {@code schema.graphql}, so every change to the API is
 * visible in review. After an intended change, refresh the snapshot with
 * {@code ./mvnw test -Dtest=SchemaSnapshotTest -Dshopgraph.schema.update=true}.
 */
@QuarkusTest
class SchemaSnapshotTest {

    static final Path SNAPSHOT = Path.of("schema.graphql");

    @Test
    void servedSchemaMatchesTheCommittedSnapshot() throws IOException {
        String served = normalise(given().get("/graphql/schema.graphql").then().statusCode(200).extract().asString());
        if (Boolean.getBoolean("shopgraph.schema.update")) {
            Files.writeString(SNAPSHOT, served);
            return;
        }
        if (!Files.exists(SNAPSHOT)) {
            fail("schema.graphql is missing; create it with -Dshopgraph.schema.update=true");
        }
        String committed = normalise(Files.readString(SNAPSHOT));
        if (!served.equals(committed)) {
            fail("The served schema differs from schema.graphql (- committed, + served):\n" + diff(committed, served)
                    + "\nIf the change is intended, run ./mvnw test -Dtest=SchemaSnapshotTest -Dshopgraph.schema.update=true");
        }
    }

    static String normalise(String sdl) {
        return sdl.replace("\r\n", "\n").strip() + "\n";
    }

    /** A line diff (longest common subsequence), showing only changed lines with their line numbers. */
    static String diff(String before, String after) {
        String[] a = before.split("\n", -1);
        String[] b = after.split("\n", -1);
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                i++;
                j++;
            } else if (j < b.length && (i == a.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
                out.add(String.format("+%5d | %s", j + 1, b[j++]));
            } else {
                out.add(String.format("-%5d | %s", i + 1, a[i++]));
            }
        }
        return String.join("\n", out.subList(0, Math.min(out.size(), 200)));
    }
}
