package dev.jcodex.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcodex.process.ProcessTree.Ids;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessTreeTest {

    @Test
    void victimsAreGroupSessionAndDescendants() {
        List<Ids> table = List.of(
                new Ids(1, 0, 1, 1),
                new Ids(50, 1, 50, 50),      // the JVM
                new Ids(100, 50, 100, 100),  // the leader
                new Ids(101, 100, 100, 100), // same group
                new Ids(102, 100, 102, 100), // job in another group, same session
                new Ids(103, 102, 103, 103), // setsid'd grandchild, still a descendant
                new Ids(104, 103, 104, 103), // its child
                new Ids(200, 1, 100, 100),   // orphaned into init, still in the session
                new Ids(300, 1, 300, 300),   // unrelated daemon
                new Ids(400, 50, 400, 400)); // another child of the JVM

        assertThat(ProcessTree.victims(100, table)).containsExactlyInAnyOrder(101, 102, 103, 104, 200);
    }

    @Test
    void leaderWithoutRelativesHasNoVictims() {
        assertThat(ProcessTree.victims(7, List.of(new Ids(7, 1, 7, 7), new Ids(8, 1, 8, 8)))).isEmpty();
    }

    @Test
    void scanSeesThisJvm() {
        long self = ProcessHandle.current().pid();

        assertThat(ProcessTree.scan()).anySatisfy(ids -> assertThat(ids.pid()).isEqualTo(self));
    }
}
