package com.makcrm.server.api;

import com.makcrm.core.query.Page;
import java.util.List;
import java.util.function.Function;

/** Envelope shapes shared by the collection endpoints. */
public final class ApiViews {

    private ApiViews() {}

    /** Where the next page starts; {@code nextCursor} is null on the last page. */
    public record PageInfo(String nextCursor, boolean hasNextPage) {}

    /** One page of a collection. */
    public record PageResponse<T>(List<T> data, PageInfo pageInfo) {
        static <S, T> PageResponse<T> of(Page<S> page, Function<S, T> view) {
            return new PageResponse<>(
                    page.items().stream().map(view).toList(), new PageInfo(page.nextCursor(), page.hasNextPage()));
        }
    }

    /** A whole (short) collection, or the results of a bulk operation. */
    public record DataResponse<T>(List<T> data) {}
}
