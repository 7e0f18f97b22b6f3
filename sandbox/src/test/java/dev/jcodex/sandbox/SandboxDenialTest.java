package dev.jcodex.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SandboxDenialTest {

    @ParameterizedTest(name = "exit {0}, stdout [{1}], stderr [{2}] -> {3}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "0   | ''                                     | 'Permission denied'                         | false",
            "1   | ''                                     | 'sh: 1: cannot create x: Permission denied' | true",
            "1   | ''                                     | 'touch: x: Read-only file system'           | true",
            "1   | ''                                     | 'bash: socket: Operation not permitted'     | true",
            "1   | 'Error: EACCES: open ''/x'''            | ''                                          | true",
            "1   | ''                                     | 'OSError: [Errno 1] EPERM'                  | true",
            "1   | ''                                     | 'failed to write file foo'                  | true",
            "1   | ''                                     | 'blocked by the SANDBOX'                    | true",
            "2   | ''                                     | 'usage: foo [-h]'                           | false",
            "126 | ''                                     | 'cannot execute'                            | false",
            "127 | ''                                     | 'foo: not found'                            | false",
            "127 | ''                                     | 'foo: Permission denied'                    | true",
            "159 | ''                                     | ''                                          | true",
            "1   | 'test failed: expected 3 but was 4'    | ''                                          | false",
            "1   | 'SLEEPERMAN'                           | 'NOEACCESS'                                 | false",
            "1   | null                                   | null                                        | false"})
    void classifiesLikeTheReference(int exitCode, String stdout, String stderr, boolean denial) {
        assertThat(SandboxDenial.looksLikeSandboxDenial(exitCode, stdout, stderr)).isEqualTo(denial);
    }
}
