package io.shopgraph.digital.application;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where digital files live (the storage seam): a local directory by default ({@code infra.LocalFileStorage}); an
 * object store would implement the same four calls. Keys are made by the module ({@code <store>/<file id>}),
 * never from a merchant's file name.
 */
public interface FileStorage {

    /** A new empty staging file for an upload in progress, on the storage's own volume so that {@link #store} is a move. */
    Path stagingFile() throws IOException;

    /** Moves a complete staged upload into the storage under {@code key} (replacing nothing: keys are unique). */
    void store(String key, Path staged) throws IOException;

    /** The stored file, when present, as a local path the download endpoint streams without a database connection. */
    Optional<Path> localPath(String key);

    /** Removes a stored file; a missing one is not an error. */
    void delete(String key) throws IOException;
}
