package io.shopgraph.digital.application;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The digital module's settings (README's configuration table lists them). */
@ConfigMapping(prefix = "shopgraph.digital")
public interface DigitalConfig {

    /** Where files are kept. */
    Storage storage();

    /** Download links of paid orders. */
    Links links();

    /** What a merchant may upload. */
    Uploads uploads();

    /** License-key pools. */
    Keys keys();

    interface Storage {

        /** The directory of the local file storage (created when missing). */
        @WithDefault("data/digital-files")
        String directory();
    }

    interface Links {

        /**
         * The secret (at least 32 characters) that signs download links: a link's token is an HMAC of its grant under
         * it, so the order can show its link again while only the token's hash is stored. Without it, orders get their
         * grants but no link (url null) until it is set.
         */
        Optional<String> secret();

        /** The public base URL of this service for links (e.g. https://api.shop.example); relative links without it. */
        Optional<String> baseUrl();

        /** How long a link works after the order was paid (or the link was resent). */
        @WithDefault("P7D")
        Duration expiresAfter();

        /** How many downloads a link allows. */
        @WithDefault("5")
        int downloadLimit();
    }

    interface Uploads {

        /** The largest file accepted, in bytes. */
        @WithDefault("104857600")
        long maxBytes();

        /** The most files per variant. */
        @WithDefault("20")
        int maxFilesPerVariant();

        /** How long a staged upload URL works. */
        @WithDefault("PT15M")
        Duration urlExpiresAfter();

        /** The content types accepted (served as they were declared, always as an attachment). */
        @WithDefault("application/pdf,application/zip,application/epub+zip,application/octet-stream,audio/mpeg,audio/mp4,"
                + "video/mp4,image/png,image/jpeg,text/plain,text/csv")
        List<String> contentTypes();
    }

    interface Keys {

        /** The most keys one licenseKeysAdd call takes. */
        @WithDefault("1000")
        int maxPerCall();
    }
}
