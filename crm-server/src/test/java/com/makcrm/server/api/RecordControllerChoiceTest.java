package com.makcrm.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.i18n.Messages;
import org.junit.jupiter.api.Test;

class RecordControllerChoiceTest {

    @Test
    void badChoiceKeepsItsEnglishAndReadsInRussian() {
        CrmException e = RecordController.badChoice("onDuplicate", "merge", "fail, update");
        assertThat(e.getMessage()).isEqualTo("onDuplicate: 'merge' is not one of fail, update");
        assertThat(e.fieldErrors())
                .singleElement()
                .satisfies(error -> assertThat(error.field()).isEqualTo("onDuplicate"));
        assertThat(Messages.fromClasspath().describe(e, Messages.RUSSIAN))
                .isEqualTo("onDuplicate: «merge» — недопустимое значение; допустимы: fail, update");
    }
}
