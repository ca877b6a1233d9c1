package io.yusuan.domain.calc;

import io.yusuan.domain.template.SectionDef;
import java.util.List;

/** A section of one document: the template's definition and the rows this document has. */
public record SectionLayout(SectionDef def, List<RowLayout> rows) {

    public SectionLayout {
        rows = List.copyOf(rows);
    }

    public String key() {
        return def.key();
    }
}
