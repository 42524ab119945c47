package org.sectormap.comment;

public record Theme(long id, int position, String name) {
}
