package org.kinora.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @TempDir
    Path tmp;

    /** Runs the CLI; returns {exit code, stdout, stderr}. */
    static Object[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Object[] {code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    private static void assertOneLineFailure(Object[] r) {
        assertEquals(2, r[0]);
        String err = (String) r[2];
        assertEquals(1, err.lines().count(), "exactly one line on stderr: " + err);
        assertTrue(err.startsWith("kinora-cli: "), err);
        assertTrue(!err.contains("\tat "), "no stack trace");
    }

    @Test
    void textFileExitsTwoWithOneLine() throws Exception {
        Path text = tmp.resolve("notes.txt");
        Files.writeString(text, "these are not the frames you are looking for\n");
        for (String cmd : new String[] {"probe", "framemd5", "bench"}) {
            Object[] r = run(cmd, text.toString());
            assertOneLineFailure(r);
            assertTrue(((String) r[2]).contains("not a media file"), (String) r[2]);
        }
        assertOneLineFailure(run("pcm", text.toString(), tmp.resolve("out.raw").toString()));
    }

    @Test
    void probePrintsTheTracksOfAFixture() {
        Path sample = Path.of(System.getProperty("kinora.testdata", "../testdata"), "samples", "sample.ogg");
        Object[] r = run("probe", sample.toString());
        assertEquals(0, r[0], (String) r[2]);
        String out = (String) r[1];
        assertTrue(out.contains("container: ogg"), out);
        assertTrue(out.contains("duration: 10.000 s"), out);
        assertTrue(out.contains("video theora, 640x360, 25.000 fps"), out);
        assertTrue(out.contains("audio vorbis, 44100 Hz, 2 channels"), out);
    }

    @Test
    void missingFileExitsTwo() {
        Object[] r = run("probe", tmp.resolve("nope.ogg").toString());
        assertOneLineFailure(r);
        assertTrue(((String) r[2]).contains("no such file"));
    }

    @Test
    void emptyFileExitsTwo() throws Exception {
        Path empty = Files.createFile(tmp.resolve("empty.ogg"));
        assertOneLineFailure(run("probe", empty.toString()));
    }

    @Test
    void usageErrorsExitOne() {
        assertEquals(1, run()[0]);
        assertEquals(1, run("transcode", "x")[0]);
        assertEquals(1, run("pcm", "x")[0]);
    }
}
