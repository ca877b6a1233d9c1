package io.yusuan.domain.rules.narrative;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the narrative checker needs to know about a document's tables. The document implements it
 * from its layout; {@link SimpleFigureIndex} is a ready-made implementation filled figure by figure.
 *
 * <p>A label is looked up in its normalised form ({@link Labels#normalize}): spaces, quotes, ordinal
 * prefixes (一、 （一） 1、 (1)) and (类)(款)(项) markers removed. The figures carrying a label are
 * <ul>
 *   <li>for a row label (卫生健康支出, 本年收入, 上年结转, 人员经费支出 …): the row's total amount
 *       (its 合计 or 预算数 column), in every table that has such a row;</li>
 *   <li>for a column label (基本支出, 项目支出, 人员经费, 公用经费 …): the column's 合计 row;</li>
 *   <li>for a classification code (3, 5 or 7 digits: 210, 21011, 2101102, 301, 505): the code
 *       row's total, in every table that has that code.</li>
 * </ul>
 * Cells left empty are not figures. Returning several figures is expected: the checker judges a
 * quote only when all of them carry the same amount, and never guesses between different ones.
 */
public interface FigureIndex {

    /** The figures carrying this (normalised) label or code; empty when none. */
    List<Figure> figures(String label);

    /** The tables' 公用经费 total (基本支出表 合计 × 公用经费), which 机关运行经费 may not exceed (X08). */
    Optional<Figure> publicExpenseTotal();

    /**
     * The budget year of the tables (2024), so that a figure the text gives for another year («2023 年
     * 一般公共预算支出 1699.64 万元») is not compared with this year's. 0 when unknown: the latest year
     * the text writes before an amount is taken.
     */
    default int budgetYear() {
        return 0;
    }

    /**
     * This index restricted to some tables (section keys), for a chapter that explains those tables
     * only — «关于财政拨款收支总表的说明» quotes 卫生健康支出 of that table, not of 收支总表.
     */
    default FigureIndex within(Set<String> sections) {
        FigureIndex all = this;
        Set<String> keep = Set.copyOf(sections);
        return new FigureIndex() {
            @Override
            public List<Figure> figures(String label) {
                return all.figures(label).stream().filter(f -> keep.contains(f.cell().section())).toList();
            }

            @Override
            public Optional<Figure> publicExpenseTotal() {
                return all.publicExpenseTotal();
            }

            @Override
            public int budgetYear() {
                return all.budgetYear();
            }
        };
    }
}
