package com.makcrm.core.query;

import java.util.List;

/** The parsed filter: a tree of and/or/not over conditions. Positions are 1-based, for error messages. */
sealed interface FilterNode {

    record And(List<FilterNode> children) implements FilterNode {
        public And {
            children = List.copyOf(children);
        }
    }

    record Or(List<FilterNode> children) implements FilterNode {
        public Or {
            children = List.copyOf(children);
        }
    }

    record Not(FilterNode child) implements FilterNode {}

    /** {@code path[operator]:values}; values is empty for isNull/isNotNull, one element for one-value operators. */
    record Condition(String path, Operator operator, List<String> values, int position) implements FilterNode {
        public Condition {
            values = List.copyOf(values);
        }
    }
}
