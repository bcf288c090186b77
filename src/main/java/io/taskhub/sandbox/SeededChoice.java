package io.taskhub.sandbox;

/**
 * Choices for generated sandbox data that depend only on the seed, the record's type and index, and a salt naming
 * the field: record i looks the same in every run and can be computed alone, so a million records cost no memory.
 */
public final class SeededChoice {

    private final long seed;

    public SeededChoice(long seed) {
        this.seed = seed;
    }

    /** A uniform value in [0, bound). */
    public int pick(Enum<?> type, long index, int salt, int bound) {
        long h = mix(seed ^ mix(((long) type.ordinal() << 56) ^ ((long) salt << 40) ^ index));
        return (int) ((h >>> 1) % bound);
    }

    /** An index into {@code weights}, each as likely as its weight. */
    public int weighted(Enum<?> type, long index, int salt, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int roll = pick(type, index, salt, total);
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    // SplitMix64's finaliser: cheap, and good enough to make neighbouring indexes look unrelated.
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
