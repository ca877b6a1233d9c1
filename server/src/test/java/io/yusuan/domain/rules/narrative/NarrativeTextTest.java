package io.yusuan.domain.rules.narrative;

import static io.yusuan.domain.rules.narrative.Texts.cell;
import static io.yusuan.domain.rules.narrative.Texts.check;
import static io.yusuan.domain.rules.narrative.Texts.wan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.yusuan.domain.budget.Money;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The text as published: any punctuation width, thousands separators, OCR spaces, broken lines, tables. */
class NarrativeTextTest {

    private static final SimpleFigureIndex INDEX = new SimpleFigureIndex()
            .add("卫生健康支出", cell("fin_summary", "exp_210"), wan("1127.50"), "财政拨款收支总表")
            .add("收入总计", cell("dept_summary", "income_total"), Money.yuan("68100200.00"), "收支总表");

    private static void judgedAndHolds(String text, String rule) {
        NarrativeReport report = check(text, INDEX);
        assertEquals(List.of(), report.results(), text);
        assertEquals(1, report.checked(rule), text);
    }

    @Test
    void fullWidthAndHalfWidthFormsAreTheSame() {
        judgedAndHolds("卫生健康支出（类）１１２７．５０万元，比２０２３年预算增加７３．５５万元，增长６．９８％。", "T01");
        judgedAndHolds("卫生健康支出(类) 1127.50 万元,比 2023 年预算增加 73.55 万元,增长 6.98%。", "T03");
    }

    @Test
    void thousandsSeparatorsAndOcrSpacesInsideNumbersAreRead() {
        judgedAndHolds("卫生健康支出 1,127.50 万元。", "T01");
        judgedAndHolds("收入总计 6810 0200 .00 元。", "T01");
    }

    @Test
    void sentencesBrokenOverLinesAreJoined() {
        judgedAndHolds("卫生健康支出 1127.50 万元，比 2023 年预\n\n算增加 73.55 万元，增\n\n长 6.98%，原因是……。", "T03");
        judgedAndHolds("卫生健康支出 1127.50 万\n\n元，比 2023 年预算增加 73.55 万元，增长 6.98%。", "T03");
    }

    @Test
    void aHeadingIsNotJoinedToTheNextLineAndTableRowsAreNotProse() {
        NarrativeText text = NarrativeText.of("三、机关运行经费安排情况\n本部门机关运行经费安排29.3万元。\n"
                + "| 30215 | 会议费 | 22 |\n1\t城乡医疗救助\t9162500.00\n(二)公用经费 183 万元，主要包括:办公费、\n\n印刷费。");
        assertEquals(List.of(List.of("三、机关运行经费安排情况"), List.of("本部门机关运行经费安排29.3万元。"),
                List.of("(二)公用经费183万元，主要包括：办公费、印刷费。")), text.paragraphs());
    }

    @Test
    void aNumberedLineThatGoesOnIsNotAHeading() {
        NarrativeText text = NarrativeText.of("（2）事业单位医疗（2101102）9.9 万元，较上年增加\n\n9.9 万元，原因是科目调整。");
        assertEquals(List.of(List.of("(2)事业单位医疗(2101102)9.9万元，较上年增加9.9万元，原因是科目调整。")), text.paragraphs());
    }

    @Test
    void anEmptyTextHasNothingToCheck() {
        NarrativeReport report = check("", INDEX);
        assertEquals(List.of(), report.results());
        assertEquals(0, report.checked("T01"));
    }
}
