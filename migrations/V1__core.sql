-- Users, documents, memberships, and the append-only event log with snapshots.

create table app_user (
    id            bigserial primary key,
    username      text not null unique,
    display_name  text not null,
    password_hash text not null,
    -- what the user may do outside any one document: admin = every document; editor = may create budgets
    global_role   text not null default 'editor' check (global_role in ('admin', 'editor', 'reviewer', 'supervisor')),
    created_at    timestamptz not null default now()
);

create table document (
    id          bigserial primary key,
    template_id text not null,
    title       text not null,
    unit        text not null,
    year        int  not null check (year between 2000 and 2100),
    -- the classification lines the document was created with, per section: {"gp_exp":[{"code","name"}]}
    code_rows   jsonb not null default '{}'::jsonb,
    created_by  bigint not null references app_user(id),
    created_at  timestamptz not null default now()
);

create table document_member (
    document_id bigint not null references document(id) on delete cascade,
    user_id     bigint not null references app_user(id) on delete cascade,
    role        text not null check (role in ('editor', 'reviewer', 'supervisor', 'admin')),
    primary key (document_id, user_id)
);
create index document_member_user on document_member(user_id);

-- One row per document version. Never updated or deleted: history and catch-up read from here.
-- payload holds the changed input cells (the user's intent) and, as a cache for catch-up, the
-- recomputed cells; replay uses only the input cells.
create table doc_event (
    document_id  bigint not null references document(id),
    version      bigint not null check (version > 0),
    type         text not null,
    actor_id     bigint not null references app_user(id),
    client_op_id text,
    payload      jsonb not null,
    created_at   timestamptz not null,
    constraint doc_event_version_key primary key (document_id, version),
    constraint doc_event_client_op_key unique (document_id, client_op_id)
);

create table doc_snapshot (
    document_id bigint not null references document(id),
    version     bigint not null,
    state       jsonb not null,
    created_at  timestamptz not null default now(),
    primary key (document_id, version)
);
