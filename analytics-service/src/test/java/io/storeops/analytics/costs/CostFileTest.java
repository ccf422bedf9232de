package io.storeops.analytics.costs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.storeops.platform.sheets.FileRefused;
import io.storeops.platform.sheets.RefusedRow;
import io.storeops.platform.sheets.RowsRefused;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostFileTest {

    @TempDir
    Path folder;

    @Test
    void aChineseLedgerInGb18030IsReadExactlyInFen() throws Exception {
        Path file = write(
                "2025年店铺成本\n月份,类别,金额(元),说明\n2025-09,工资,\"15,000.00\",客服3人\n2025年9月,技术服务费,2999.5,\n"
                        + "2025/10,物流,0.01,\n",
                Charset.forName("GB18030"));

        assertThat(CostFile.read(file, 2))
                .extracting(
                        CostFile.Row::line,
                        CostFile.Row::month,
                        CostFile.Row::category,
                        CostFile.Row::amountMinor,
                        CostFile.Row::note)
                .containsExactly(
                        tuple(3L, YearMonth.of(2025, 9), CostCategory.STAFF, 1_500_000L, "客服3人"),
                        tuple(4L, YearMonth.of(2025, 9), CostCategory.PLATFORM_FEES, 299_950L, null),
                        tuple(5L, YearMonth.of(2025, 10), CostCategory.SHIPPING, 1L, null));
    }

    @Test
    void oneBadRowRefusesTheWholeFileNamingEveryRowAndColumn() throws Exception {
        Path file = write(
                "Month,Category,Amount,Note\n2025-09,Staff,100.00,ok\n2025-13,Rent,12.345,\n2025-10,Other,-5,\n",
                Charset.forName("UTF-8"));

        assertThatThrownBy(() -> CostFile.read(file, 2)).isInstanceOfSatisfying(RowsRefused.class, refused -> {
            assertThat(refused.kind()).isEqualTo(FileRefused.Kind.REFUSED_ROWS);
            assertThat(refused.rows())
                    .extracting(RefusedRow::line, RefusedRow::column)
                    .containsExactly(
                            tuple(3L, "Month"), tuple(3L, "Category"), tuple(3L, "Amount"), tuple(4L, "Amount"));
            assertThat(refused.rows().get(2).reason()).isEqualTo("\"12.345\" has more than 2 decimals");
        });
    }

    @Test
    void anUnknownColumnOrNoHeaderRefusesTheFile() throws Exception {
        assertThatThrownBy(() -> CostFile.read(write("月份,类别,金额,店铺\n2025-09,其他,1,x\n", Charset.forName("UTF-8")), 2))
                .isInstanceOfSatisfying(FileRefused.class, refused -> {
                    assertThat(refused.kind()).isEqualTo(FileRefused.Kind.UNKNOWN_COLUMN);
                    assertThat(refused.column()).isEqualTo("店铺");
                });
        assertThatThrownBy(() -> CostFile.read(write("月份,金额\n2025-09,1\n", Charset.forName("UTF-8")), 2))
                .isInstanceOfSatisfying(
                        FileRefused.class, refused -> assertThat(refused.kind()).isEqualTo(FileRefused.Kind.NO_HEADER));
    }

    private Path write(String content, Charset charset) throws Exception {
        Path file = Files.createTempFile(folder, "costs", ".csv");
        Files.write(file, content.getBytes(charset));
        return file;
    }
}
