package io.shopgraph.platform.kernel;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * New row ids: UUID version 7, time-ordered, so inserts append to the right edge of B-tree indexes
 * instead of scattering across them.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static UUID newId() {
        long millis = System.currentTimeMillis();
        long randA = RANDOM.nextInt(1 << 12);
        long msb = (millis << 16) | (0x7L << 12) | randA;
        long lsb = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }
}
