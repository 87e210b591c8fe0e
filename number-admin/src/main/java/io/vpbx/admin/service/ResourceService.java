package io.vpbx.admin.service;

import java.util.List;

/**
 * What the API does with a resource an account (or the operator) keeps by id: create from a draft, read one,
 * page by id, merge-patch, delete. {@code D} is the draft as a request describes it, every field unchecked.
 */
public interface ResourceService<T, D> {
    T create(RequestContext ctx, D draft);

    T get(RequestContext ctx, String id);

    /** After {@code afterId} (null: from the start) in id order, at most {@code limit}. */
    List<T> list(RequestContext ctx, String afterId, int limit);

    T update(RequestContext ctx, String id, Patch<D> patch);

    void delete(RequestContext ctx, String id);
}
