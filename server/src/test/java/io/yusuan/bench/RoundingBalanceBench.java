package io.yusuan.bench;

import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.budget.Money;
import io.yusuan.domain.calc.DocumentLayout;
import io.yusuan.domain.publish.GeneratedBudget;
import io.yusuan.domain.publish.RoundingBalance;
import java.util.Map;

/**
 * Time per 舍位平衡 of generated budgets (seeded, see GeneratedBudget) of growing size, for each
 * shipped template: layout built once, then {@code runs} balancings after {@code warmup} ones, in one
 * thread. Run: see docs/benchmarks.md.
 */
public final class RoundingBalanceBench {

    private RoundingBalanceBench() {
    }

    public static void main(String[] args) {
        int warmup = Integer.getInteger("warmup", 20);
        int runs = Integer.getInteger("runs", 50);
        String[] templates = System.getProperty("templates", "anhui-dept,shaanxi-unit,hebei-dept").split(",");
        String[] sizes = System.getProperty("items", "100,300,1000,3000").split(",");
        System.out.println("template | 项 codes | figures | inputs | ms per balancing");
        for (String template : templates) {
            for (String size : sizes) {
                GeneratedBudget budget = GeneratedBudget.generate(template, 42, Integer.parseInt(size));
                DocumentLayout layout = budget.layout();
                Map<CellRef, Money> inputs = budget.inputs();
                int figures = RoundingBalance.balance(layout, inputs::get).size();
                for (int i = 0; i < warmup; i++) {
                    RoundingBalance.balance(layout, inputs::get);
                }
                long start = System.nanoTime();
                for (int i = 0; i < runs; i++) {
                    RoundingBalance.balance(layout, inputs::get);
                }
                double millis = (System.nanoTime() - start) / 1e6 / runs;
                System.out.printf("%s | %s | %d | %d | %.2f%n", template, size, figures, inputs.size(), millis);
            }
        }
    }
}
