package com.makcrm.core.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One page of rows; {@code nextCursor} is null on the last page. */
public record Page<T>(List<T> items, String nextCursor, boolean hasNextPage) {

    public Page {
        items = Collections.unmodifiableList(new ArrayList<>(items));
    }
}
