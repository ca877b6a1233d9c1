package io.yusuan.domain.publish;

import java.time.Instant;

/**
 * What a published file says about its origin. An approved version carries its number, content
 * hash, approver and time; a draft says so on every page and sheet, with the document version it
 * was taken at.
 *
 * @param versionNumber the approved version number N (null for a draft)
 * @param hash          "sha256:&lt;hex&gt;" of the version's content (null for a draft)
 * @param at            when the version was approved (for a draft: the time of its last change), so a
 *                      re-export of the same content writes the same bytes
 */
public record Stamp(boolean draft, Integer versionNumber, String hash, String approvedBy, Instant at,
                    long documentVersion) {

    public static Stamp draft(long documentVersion, Instant lastChange) {
        return new Stamp(true, null, null, null, lastChange, documentVersion);
    }

    public static Stamp approved(int number, String hash, String approvedBy, Instant at, long documentVersion) {
        return new Stamp(false, number, hash, approvedBy, at, documentVersion);
    }

    /** The line printed on every page / sheet, e.g. «第 2 版（已审批）sha256:ab12…» or «草稿（未审批）». */
    public String label() {
        if (draft) {
            return "草稿（未审批，不得公开）· 文档版本 " + documentVersion;
        }
        return "第 " + versionNumber + " 版（已审批）· " + hash;
    }
}
