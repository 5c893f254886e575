package org.kinora.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * dist/kinora.d.ts describes the API: a file using it as a page would type-checks with
 * {@code tsc --strict} (Debian's node-typescript), and every misuse marked in another file is
 * refused, on its line.
 */
class TypingsTest {
    private static final Path TSC = Path.of("/usr/bin/tsc");
    private static final Pattern ERROR = Pattern.compile("^bad\\.ts\\((\\d+),\\d+\\): error", Pattern.MULTILINE);

    private static Path project() throws IOException {
        assertTrue(Files.isExecutable(TSC), "the typings test needs tsc: apt-get install node-typescript (scripts/test.sh does this)");
        Path dir = Files.createTempDirectory("kinora-typings");
        Files.copy(Path.of(System.getProperty("kinora.dist"), "kinora.d.ts"), dir.resolve("kinora.d.ts"));
        for (String name : List.of("check.ts", "bad.ts")) {
            try (InputStream in = TypingsTest.class.getResourceAsStream("/typings/" + name)) {
                Files.copy(in, dir.resolve(name));
            }
        }
        return dir;
    }

    /** Runs tsc on {@code file}; returns its exit code and output. */
    private static Object[] tsc(Path dir, String file) throws Exception {
        Process p = new ProcessBuilder(TSC.toString(), "--noEmit", "--strict", "--target", "es2020", "--lib", "es2020,dom",
                "--module", "es2020", "--moduleResolution", "node", file)
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Object[] {p.waitFor(), out};
    }

    @Test
    void aPageUsingTheApiTypeChecksAndMisusesAreRefused() throws Exception {
        Path dir = project();
        Object[] ok = tsc(dir, "check.ts");
        assertEquals(0, ok[0], String.valueOf(ok[1]));

        Object[] bad = tsc(dir, "bad.ts");
        Set<Integer> refused = new TreeSet<>();
        Matcher m = ERROR.matcher((String) bad[1]);
        while (m.find()) {
            refused.add(Integer.parseInt(m.group(1)));
        }
        Set<Integer> marked = new TreeSet<>();
        List<String> lines = new ArrayList<>(Files.readAllLines(dir.resolve("bad.ts")));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).endsWith("// error")) {
                marked.add(i + 1);
            }
        }
        assertTrue(marked.size() >= 5, marked.toString());
        assertEquals(marked, refused, String.valueOf(bad[1]));
    }
}
