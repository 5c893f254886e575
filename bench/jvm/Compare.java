import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * Decode speed of several builds of Kinora side by side in one JVM: each build's jar gets its own
 * class loader, and the builds decode the same file in turn, round after round, so that whatever
 * else the machine does hits all of them alike. Prints each build's best and median time and the
 * median, over rounds, of its speed relative to the first build in the same round.
 *
 * <p>Usage: {@code java -cp DIR Compare HELPER_DIR FILE ROUNDS JAR...}, where HELPER_DIR holds
 * the compiled {@link DecodeOnce}; {@code bench/jvm-compare.sh} does it all.
 */
public final class Compare {
    public static void main(String[] args) throws Exception {
        URL helper = Path.of(args[0]).toUri().toURL();
        String file = args[1];
        int rounds = Integer.parseInt(args[2]);
        int n = args.length - 3;
        LongSupplier[] builds = new LongSupplier[n];
        for (int i = 0; i < n; i++) {
            URLClassLoader loader = new URLClassLoader(new URL[] {helper, Path.of(args[3 + i]).toUri().toURL()},
                    ClassLoader.getPlatformClassLoader());
            builds[i] = (LongSupplier) loader.loadClass("DecodeOnce").getConstructor(String.class).newInstance(file);
        }
        // Warm-up: until the JIT has compiled the hot code of every build.
        for (int w = 0; w < 4; w++) {
            for (LongSupplier b : builds) {
                b.getAsLong();
            }
        }
        long[][] t = new long[n][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < n; i++) {
                t[i][r] = builds[i].getAsLong();
            }
        }
        for (int i = 0; i < n; i++) {
            long[] sorted = t[i].clone();
            Arrays.sort(sorted);
            double[] speed = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                speed[r] = (double) t[0][r] / t[i][r];
            }
            Arrays.sort(speed);
            System.out.printf("%-28s best %8.1f ms  median %8.1f ms  speed vs the first: %.3f (%.3f to %.3f)%n",
                    args[3 + i], sorted[0] / 1e6, sorted[rounds / 2] / 1e6, speed[rounds / 2], speed[0],
                    speed[rounds - 1]);
        }
    }
}
