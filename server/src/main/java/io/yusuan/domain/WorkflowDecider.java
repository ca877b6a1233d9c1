package io.yusuan.domain;

import io.yusuan.domain.rules.RuleResult;
import io.yusuan.domain.rules.Severity;
import io.yusuan.domain.workflow.ApprovedVersion;
import io.yusuan.domain.workflow.Role;
import io.yusuan.domain.workflow.SectionStatus;
import io.yusuan.domain.workflow.Workflow;
import io.yusuan.domain.workflow.WorkflowAction;
import io.yusuan.domain.workflow.WorkflowChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides review steps. The role is checked first (FORBIDDEN), then the state (INVALID_STATE),
 * then the rule results: a table with error-level results cannot be submitted (CHECKS_FAILED with
 * them), and one with warnings only with a note acknowledging them. A return and a reopen need a
 * reason. The document is approved as version N only when every table is approved.
 */
final class WorkflowDecider {

    private static final int MAX_COMMENT_LENGTH = 500;

    private WorkflowDecider() {
    }

    static Decision decide(BudgetState state, WorkflowCommand command, Role role) {
        if (role == null) {
            return Decision.reject(Rejection.of(ErrorCode.FORBIDDEN, "您不是该预算的成员"));
        }
        if (!role.may(command.action())) {
            return Decision.reject(Rejection.of(ErrorCode.FORBIDDEN, role.label() + "不能" + verb(command.action())));
        }
        String comment = command.comment() == null || command.comment().isBlank() ? null : command.comment().strip();
        if (comment != null && comment.length() > MAX_COMMENT_LENGTH) {
            return Decision.reject(Rejection.of(ErrorCode.INVALID_VALUE, "批注不超过 500 字"));
        }
        if (command.action() == WorkflowAction.APPROVE_DOCUMENT) {
            return approveDocument(state, comment);
        }
        String section = command.section();
        if (section == null || state.layout().section(section).isEmpty()) {
            return Decision.reject(Rejection.of(ErrorCode.UNKNOWN_CELL, "没有这张表：" + section));
        }
        SectionStatus from = state.workflow().status(section);
        Optional<SectionStatus> to = Workflow.next(from, command.action());
        if (to.isEmpty()) {
            return Decision.reject(new Rejection(ErrorCode.INVALID_STATE, "该表当前为「" + from.label() + "」，不能"
                    + verb(command.action()), Map.of("status", from.wireName())));
        }
        if ((command.action() == WorkflowAction.RETURN || command.action() == WorkflowAction.REOPEN) && comment == null) {
            return Decision.reject(Rejection.of(ErrorCode.INVALID_VALUE,
                    command.action() == WorkflowAction.RETURN ? "退回必须写明原因（批注）" : "重新打开必须写明原因"));
        }
        if (command.action() == WorkflowAction.SUBMIT) {
            Optional<Rejection> refused = checksBlockSubmit(state, section, comment);
            if (refused.isPresent()) {
                return Decision.reject(refused.get());
            }
        }
        return Decision.accept(new WorkflowChanged(List.of(new WorkflowChange(section, command.action(), from, to.get(),
                comment))));
    }

    private static Decision approveDocument(BudgetState state, String comment) {
        List<String> pending = new ArrayList<>();
        state.layout().sections().forEach(s -> {
            if (state.workflow().status(s.key()) != SectionStatus.APPROVED) {
                pending.add(s.key());
            }
        });
        if (!pending.isEmpty()) {
            return Decision.reject(new Rejection(ErrorCode.INVALID_STATE, "还有 " + pending.size() + " 张表未批准，不能批准整个预算",
                    Map.of("sections", pending)));
        }
        List<ApprovedVersion> versions = state.workflow().versions();
        if (!versions.isEmpty() && versions.get(versions.size() - 1).documentVersion() == state.version()) {
            return Decision.reject(Rejection.of(ErrorCode.INVALID_STATE,
                    "自第 " + versions.get(versions.size() - 1).number() + " 版以来没有任何变化"));
        }
        // The content is exactly what this version will hold: approving changes no cell.
        String hash = ContentHash.of(state.content());
        return Decision.accept(new VersionApproved(state.workflow().nextVersionNumber(), hash, comment));
    }

    /** Errors refuse the submit; warnings need an acknowledging note. */
    private static Optional<Rejection> checksBlockSubmit(BudgetState state, String section, String comment) {
        List<RuleResult> errors = new ArrayList<>();
        List<RuleResult> warnings = new ArrayList<>();
        for (RuleResult result : state.violations()) {
            if (touches(result, section)) {
                (result.severity() == Severity.ERROR ? errors : result.severity() == Severity.WARNING ? warnings
                        : new ArrayList<RuleResult>()).add(result);
            }
        }
        if (!errors.isEmpty()) {
            return Optional.of(new Rejection(ErrorCode.CHECKS_FAILED, "该表有 " + errors.size() + " 条审核错误，修正后才能提交",
                    Map.of("checks", plain(errors), "acknowledgementRequired", false)));
        }
        if (!warnings.isEmpty() && comment == null) {
            return Optional.of(new Rejection(ErrorCode.CHECKS_FAILED, "该表有 " + warnings.size()
                    + " 条审核提醒：请核对后在批注中说明再提交", Map.of("checks", plain(warnings), "acknowledgementRequired", true)));
        }
        return Optional.empty();
    }

    /** A result concerns a table when it names one of its cells, or the table itself (X11, C02). */
    static boolean touches(RuleResult result, String section) {
        return result.cells().stream().anyMatch(c -> c.section().equals(section))
                || result.key().startsWith(result.rule() + ":" + section + ":")
                || result.key().equals(result.rule() + ":" + section);
    }

    private static List<Map<String, Object>> plain(List<RuleResult> results) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (RuleResult r : results) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("key", r.key());
            item.put("rule", r.rule());
            item.put("severity", r.severity().wireName());
            item.put("message", r.message());
            list.add(item);
        }
        return list;
    }

    private static String verb(WorkflowAction action) {
        return switch (action) {
            case SUBMIT -> "提交";
            case RECALL -> "撤回";
            case RETURN -> "退回";
            case APPROVE -> "批准";
            case REOPEN -> "重新打开";
            case APPROVE_DOCUMENT -> "批准整个预算";
        };
    }
}
