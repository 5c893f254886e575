package org.kinora.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.kinora.core.MediaException;

/**
 * {@code kinora-cli}: probe, framemd5, pcm and bench on local files.
 *
 * <p>Exit codes: 0 success, 1 usage error, 2 unsupported or broken input (one line on stderr).
 */
public final class Main {
    static final int EXIT_OK = 0;
    static final int EXIT_USAGE = 1;
    static final int EXIT_MEDIA = 2;

    private static final String USAGE = String.join("\n",
            "usage: kinora-cli COMMAND FILE [ARGS]",
            "  probe FILE        container, tracks, codecs, sizes, duration",
            "  framemd5 FILE     MD5 of every frame of the first video track (like ffmpeg -f framemd5)",
            "  pcm FILE OUT      first audio track as interleaved s16le into OUT ('-' for stdout)",
            "  bench FILE        decode speed on the JVM after warm-up");

    private static final java.util.List<String> COMMANDS = java.util.List.of("probe", "framemd5", "pcm", "bench");

    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        System.out.flush();
        System.exit(code);
    }

    /** Runs one command; returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 2) {
            err.println(USAGE);
            return EXIT_USAGE;
        }
        String command = args[0];
        Path file = Path.of(args[1]);
        String[] rest = Arrays.copyOfRange(args, 2, args.length);
        if (!COMMANDS.contains(command)) {
            err.println("kinora-cli: unknown command '" + command + "'");
            err.println(USAGE);
            return EXIT_USAGE;
        }
        if (rest.length != ("pcm".equals(command) ? 1 : 0)) {
            err.println(USAGE);
            return EXIT_USAGE;
        }
        try {
            if (!Files.isRegularFile(file)) {
                throw new NoSuchFileException(file.toString());
            }
            switch (command) {
                case "probe":
                    Commands.probe(file, out);
                    break;
                case "framemd5":
                    Commands.frameMd5(file, out);
                    break;
                case "pcm":
                    Commands.pcm(file, rest[0], out);
                    break;
                case "bench":
                    Commands.bench(file, out);
                    break;
                default:
                    throw new IllegalStateException("unreachable");
            }
            return EXIT_OK;
        } catch (NoSuchFileException e) {
            err.println("kinora-cli: " + file + ": no such file");
        } catch (IOException e) {
            err.println("kinora-cli: " + file + ": " + oneLine(e));
        } catch (MediaException e) {
            err.println("kinora-cli: " + file + ": " + oneLine(e));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // A decoder bug on hostile input still ends in one line, never a stack trace.
            err.println("kinora-cli: " + file + ": internal error: " + e.getClass().getSimpleName() + ": " + oneLine(e));
        }
        return EXIT_MEDIA;
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isEmpty()) {
            m = e.getClass().getSimpleName();
        }
        return m.replace('\n', ' ').replace('\r', ' ');
    }
}
