package org.kinora.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the committed ffmpeg references. */
final class Fixtures {
    private Fixtures() {
    }

    static Path testdata() {
        return Path.of(System.getProperty("kinora.testdata"));
    }

    /** pts to MD5 from an ffmpeg framemd5 file. */
    static Map<Long, String> frameMd5(Path file) throws IOException {
        Map<Long, String> m = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split(",\\s*");
            m.put(Long.parseLong(f[2].trim()), f[f.length - 1].trim());
        }
        return m;
    }

    /** The time base denominator of a framemd5 file ("#tb 0: 1/25"). */
    static long timebase(Path file) throws IOException {
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("#tb 0: 1/")) {
                return Long.parseLong(line.substring("#tb 0: 1/".length()).trim());
            }
        }
        throw new IllegalStateException("no time base in " + file);
    }
}
