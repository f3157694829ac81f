package io.shopgraph.digital.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.shopgraph.digital.application.DigitalConfig;
import io.shopgraph.digital.application.FileStorage;

/** The default storage: files under {@code shopgraph.digital.storage.directory}, staged uploads in its {@code .staging}. */
@ApplicationScoped
public class LocalFileStorage implements FileStorage {

    private final Path root;

    LocalFileStorage(DigitalConfig config) {
        this.root = Path.of(config.storage().directory()).toAbsolutePath().normalize();
    }

    @Override
    public Path stagingFile() throws IOException {
        Path staging = Files.createDirectories(root.resolve(".staging"));
        return Files.createTempFile(staging, "upload-", ".part");
    }

    @Override
    public void store(String key, Path staged) throws IOException {
        Path target = resolve(key);
        Files.createDirectories(target.getParent());
        Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public Optional<Path> localPath(String key) {
        Path path = resolve(key);
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(resolve(key));
    }

    /** Keys are the module's own ({@code <uuid>/<uuid>}); the check keeps any other from leaving the root. */
    private Path resolve(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root) || !key.matches("[0-9a-f-]{36}/[0-9a-f-]{36}")) {
            throw new IllegalArgumentException("Not a storage key");
        }
        return path;
    }
}
