package com.makcrm.core.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PgVersionTest {

    @Test
    void readsTheVersionFromToolOutput() {
        assertThat(PgVersion.ofToolOutput("pg_dump", "pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)\n"))
                .isEqualTo("15.20");
        assertThat(PgVersion.ofToolOutput("pg_dump", "pg_dump (PostgreSQL) 17.2"))
                .isEqualTo("17.2");
        assertThat(PgVersion.ofToolOutput("pg_restore", "pg_restore (PostgreSQL) 18beta1"))
                .isEqualTo("18beta1");
    }

    @Test
    void rejectsOutputWithoutAVersionAsAToolFailure() {
        assertThatThrownBy(() -> PgVersion.ofToolOutput("pg_dump", "command not found"))
                .isInstanceOfSatisfying(
                        BackupFailure.class, e -> assertThat(e.kind()).isEqualTo(BackupFailure.Kind.TOOL))
                .hasMessageContaining("command not found")
                .hasMessageContaining("CRM_PG_BIN");
    }

    @Test
    void takesTheMajorVersion() {
        assertThat(PgVersion.major("15.20")).isEqualTo(15);
        assertThat(PgVersion.major("18beta1")).isEqualTo(18);
        assertThat(PgVersion.major("9.6.24")).isEqualTo(9);
        assertThat(PgVersion.majorOfServerVersionNum(150013)).isEqualTo(15);
        assertThat(PgVersion.majorOfServerVersionNum(160004)).isEqualTo(16);
    }

    @Test
    void refusesAPgDumpOlderThanTheServerNamingTheRemedy() {
        assertThatThrownBy(() -> PgVersion.requireDumpable("15.20", "16.4", 16))
                .isInstanceOfSatisfying(
                        BackupFailure.class, e -> assertThat(e.kind()).isEqualTo(BackupFailure.Kind.TOOL))
                .hasMessage("pg_dump 15.20 cannot dump server 16.4: install pg_dump 16 or newer (PATH or CRM_PG_BIN)");
    }

    @Test
    void acceptsAPgDumpOfTheServersVersionOrNewer() {
        assertThatCode(() -> PgVersion.requireDumpable("15.20", "15.13", 15)).doesNotThrowAnyException();
        assertThatCode(() -> PgVersion.requireDumpable("17.2", "15.13", 15)).doesNotThrowAnyException();
    }

    @Test
    void refusesAPgRestoreOlderThanThePgDumpThatWroteTheArchive() {
        assertThatThrownBy(() -> PgVersion.requireRestorable("15.20", "16.1"))
                .isInstanceOfSatisfying(
                        BackupFailure.class, e -> assertThat(e.kind()).isEqualTo(BackupFailure.Kind.TOOL))
                .hasMessage("pg_restore 15.20 cannot read a dump written by pg_dump 16.1: install pg_restore 16 or"
                        + " newer (PATH or CRM_PG_BIN)");
        assertThatCode(() -> PgVersion.requireRestorable("16.1", "15.20")).doesNotThrowAnyException();
    }
}
