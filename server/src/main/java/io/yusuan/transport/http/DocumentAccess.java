package io.yusuan.transport.http;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import io.yusuan.auth.AuthUser;
import io.yusuan.domain.ErrorCode;
import io.yusuan.domain.workflow.Role;
import io.yusuan.store.Catalog;

/**
 * The caller's role on a document, for every /api/documents/{id}/… route: 404 if the document does
 * not exist, 403 if the caller is not a member. A global admin is admin of every document.
 */
final class DocumentAccess {

    private final Catalog catalog;

    DocumentAccess(Catalog catalog) {
        this.catalog = catalog;
    }

    Future<Role> role(RoutingContext ctx, long documentId) {
        AuthUser user = AuthRoutes.user(ctx);
        return catalog.document(documentId).compose(found -> {
            if (found.isEmpty()) {
                return Future.failedFuture(new ApiException(ErrorCode.NOT_FOUND, "预算不存在"));
            }
            if (user.admin()) {
                return Future.succeededFuture(Role.ADMIN);
            }
            return catalog.roleOf(documentId, user.id()).compose(role -> role.isPresent()
                    ? Future.succeededFuture(role.get())
                    : Future.failedFuture(new ApiException(ErrorCode.FORBIDDEN, "您不是该预算的成员")));
        });
    }
}
