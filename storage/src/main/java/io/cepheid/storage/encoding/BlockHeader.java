package io.cepheid.storage.encoding;

/** What a block says about itself without being decoded. */
public record BlockHeader(Encoding encoding, int rowCount, int nullCount, ZoneMap zoneMap, int headerBytes) {
}
