package io.cepheid.loader.copy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.FileVisitResult;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/** {@link CopyFileSystem} over the local disk. */
public final class LocalCopyFileSystem implements CopyFileSystem {
    public static final LocalCopyFileSystem INSTANCE = new LocalCopyFileSystem();

    private LocalCopyFileSystem() {
    }

    @Override
    public List<Path> listFiles(String prefix) throws IOException {
        Path start = prefix.endsWith("/") ? Path.of(prefix) : Path.of(prefix).getParent();
        if (start == null || !Files.isDirectory(start)) {
            return List.of();
        }
        List<Path> matches = new ArrayList<>();
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
                // Descend only where a match can be: "/data/lineitem.tbl" must not walk all of /data/other/.
                String path = directory.toString();
                String withSlash = path.endsWith("/") ? path : path + "/";
                return withSlash.startsWith(prefix) || prefix.startsWith(withSlash) || directory.equals(start)
                        ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile() && file.toString().startsWith(prefix)) {
                    matches.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE; // deleted while we listed
                }
                throw e;
            }
        });
        return matches;
    }

    @Override
    public long size(Path file) throws IOException {
        return Files.size(file);
    }

    @Override
    public InputStream open(Path file, long offset, long length) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        return new RangeInputStream(channel, offset, length);
    }

    /** Reads [offset, offset + length) of a channel with positional reads. */
    private static final class RangeInputStream extends InputStream {
        private final FileChannel channel;
        private long position;
        private final long end;

        RangeInputStream(FileChannel channel, long offset, long length) {
            this.channel = channel;
            this.position = offset;
            this.end = offset + length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            if (position >= end) {
                return -1;
            }
            int wanted = (int) Math.min(length, end - position);
            int read = channel.read(ByteBuffer.wrap(bytes, offset, wanted), position);
            if (read < 0) {
                return -1;
            }
            position += read;
            return read;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
