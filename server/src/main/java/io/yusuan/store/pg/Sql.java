package io.yusuan.store.pg;

/** Every SQL statement of the PostgreSQL adapters, in one place. */
final class Sql {

    private Sql() {
    }

    /**
     * Many events in one statement: one round trip, atomic on its own (no BEGIN/COMMIT), so a
     * group commit costs one network exchange and one WAL flush.
     */
    static final String APPEND_EVENTS = """
            insert into doc_event (document_id, version, type, actor_id, client_op_id, payload, created_at)
            select d, v, t, a, c, p::jsonb, ts
            from unnest($1::bigint[], $2::bigint[], $3::text[], $4::bigint[], $5::text[], $6::text[],
                        $7::timestamptz[]) as e(d, v, t, a, c, p, ts)""";
    static final String READ_EVENTS_AFTER = """
            select version, actor_id, client_op_id, payload, created_at from doc_event
            where document_id = $1 and version > $2 order by version limit $3""";
    static final String CURRENT_VERSION =
            "select coalesce(max(version), 0) as version from doc_event where document_id = $1";
    static final String CLIENT_OPS =
            "select client_op_id, version, actor_id from doc_event where document_id = $1 and client_op_id is not null";
    static final String SAVE_SNAPSHOT = """
            insert into doc_snapshot (document_id, version, state) values ($1, $2, $3)
            on conflict (document_id, version) do nothing""";
    static final String LATEST_SNAPSHOT = """
            select version, state from doc_snapshot where document_id = $1 order by version desc limit 1""";

    /** The versions whose cell changes or text changes name the cell (jsonb containment, GIN-indexed). */
    static final String CELL_HISTORY = """
            select version, actor_id, client_op_id, payload - 'calc' - 'checks' #- '{approval,content}' as payload,
                   created_at from doc_event
            where document_id = $1 and (payload -> 'changes' @> $2::jsonb or payload -> 'texts' @> $2::jsonb)
            order by version limit $3""";
    static final String ACTIVITY = """
            select version, actor_id, client_op_id, payload - 'calc' - 'checks' #- '{approval,content}' as payload,
                   created_at from doc_event
            where document_id = $1 and version < $2 order by version desc limit $3""";
    static final String APPROVED_VERSION = """
            select version, actor_id, client_op_id, payload, created_at from doc_event
            where document_id = $1 and type = 'version_approved' and (payload -> 'approval' ->> 'number')::int = $2""";

    static final String USER_BY_NAME =
            "select id, username, display_name, password_hash, global_role from app_user where username = $1";
    static final String USERS = "select id, username, display_name, '' as password_hash, global_role from app_user order by username";
    static final String CREATE_USER = """
            insert into app_user (username, display_name, password_hash, global_role) values ($1, $2, $3, $4)
            returning id""";
    static final String ALL_DOCUMENTS = """
            select id, template_id, title, unit, year, code_rows from document order by year desc, id""";
    static final String DOCUMENTS_OF_MEMBER = """
            select d.id, d.template_id, d.title, d.unit, d.year, d.code_rows from document d
            join document_member m on m.document_id = d.id where m.user_id = $1 order by d.year desc, d.id""";
    static final String DOCUMENT = """
            select id, template_id, title, unit, year, code_rows from document where id = $1""";
    static final String CREATE_DOCUMENT = """
            insert into document (template_id, title, unit, year, code_rows, created_by)
            values ($1, $2, $3, $4, $5, $6) returning id""";
    static final String MEMBERS = """
            select u.id, u.username, u.display_name, m.role from document_member m
            join app_user u on u.id = m.user_id where m.document_id = $1 order by u.username""";
    static final String PUT_MEMBER = """
            insert into document_member (document_id, user_id, role) values ($1, $2, $3)
            on conflict (document_id, user_id) do update set role = excluded.role""";
    static final String ROLE_OF = "select role from document_member where document_id = $1 and user_id = $2";
    static final String REMOVE_MEMBER = "delete from document_member where document_id = $1 and user_id = $2";

    /** SQLSTATE of a unique violation, and the constraint names that tell conflict from duplicate. */
    static final String UNIQUE_VIOLATION = "23505";
    static final String VERSION_CONSTRAINT = "doc_event_version_key";
    static final String CLIENT_OP_CONSTRAINT = "doc_event_client_op_key";
}
