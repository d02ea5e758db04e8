package com.makcrm.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueryMetadataTest {

    @Test
    void customFieldFactoryBuildsTypedJsonbExpressions() {
        assertThat(QueryField.custom("c", "tier", FieldType.SELECT, Set.of()).sqlExpression())
                .isEqualTo("(c.custom->>'tier')");
        assertThat(QueryField.custom("c", "score", FieldType.NUMBER, Set.of()).sqlExpression())
                .isEqualTo("((c.custom->>'score')::numeric)");
        assertThat(QueryField.custom("c", "dealSize", FieldType.CURRENCY, Set.of())
                        .name())
                .isEqualTo("custom.dealSize");
    }

    @Test
    void customFieldFactoryRejectsNamesThatCouldEscapeTheLiteral() {
        for (String bad : List.of("tier'--", "Tier", "a b", "", "x".repeat(64), "tier')::text; drop table x; --")) {
            assertThatThrownBy(() -> QueryField.custom("c", bad, FieldType.TEXT, Set.of()))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> QueryField.custom("c;", "tier", FieldType.TEXT, Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void arrayFieldsAreNotSortableByDefault() {
        assertThat(QueryField.column("phones", FieldType.TEXT_ARRAY, "c.phones").sortable())
                .isFalse();
        assertThat(QueryField.custom("c", "tags", FieldType.MULTI_SELECT, Set.of())
                        .sortable())
                .isFalse();
    }

    @Test
    void objectNeedsUuidIdAndPlainIdentifiers() {
        QueryField name = QueryField.column("name", FieldType.TEXT, "x.name");
        assertThatThrownBy(() -> QueryObject.of("x", "x", "x", null, List.of(name)))
                .hasMessageContaining("needs a field 'id' of type UUID");
        QueryField id = QueryField.column("id", FieldType.UUID, "x.id");
        assertThatThrownBy(() -> QueryObject.of("x", "x; drop", "x", null, List.of(id)))
                .hasMessageContaining("table must be a plain lowercase SQL identifier");
    }

    @Test
    void relationTargetsNeedTheirOwnAlias() {
        QueryField id = QueryField.column("id", FieldType.UUID, "o.id");
        QueryObject self = QueryObject.of("o", "o", "o", null, List.of(id));
        assertThatThrownBy(() -> self.withRelation("parent", self, "o.parent_id = o.id"))
                .hasMessageContaining("reuses SQL alias o");
        assertThatThrownBy(() -> self.withRelation("custom", Fixtures.COMPANY, "o.company_id = c.id"))
                .hasMessageContaining("reserved");
    }
}
