package org.residencepermit.engine;

import org.junit.jupiter.api.Test;
import org.residencepermit.cases.CaseFiles;
import org.residencepermit.cases.TestCase;
import org.residencepermit.model.DecisionRequest;
import org.residencepermit.model.Derived;
import org.residencepermit.model.RequestAndDerived;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A constraint written for DecisionRequest or Derived reads the same value on RequestAndDerived: a component added to
 * either record without its getter would make the merged rules fail to compile, or read another value.
 */
class RequestAndDerivedTest {

    @Test
    void everyComponentOfTheRequestAndOfDerivedHasAGetterGivingItsValue() throws Exception {
        List<TestCase> cases = CaseFiles.load(Path.of("rules"), null);
        assertTrue(cases.size() > 100);
        int checked = 0;
        for (TestCase c : cases) {
            DecisionRequest request = RequestValidator.validate(
                    Json.mapper().treeToValue(c.request(), DecisionRequest.class));
            Derived derived = Derivations.of(request);
            RequestAndDerived both = new RequestAndDerived(request, derived);
            checked += check(both, request) + check(both, derived);
        }
        assertEquals(cases.size() * (DecisionRequest.class.getRecordComponents().length
                + Derived.class.getRecordComponents().length), checked);
    }

    private static int check(RequestAndDerived both, Record fact) throws Exception {
        int checked = 0;
        for (RecordComponent component : fact.getClass().getRecordComponents()) {
            String name = component.getName();
            String suffix = Character.toUpperCase(name.charAt(0)) + name.substring(1);
            String getter = (component.getType() == boolean.class ? "is" : "get") + suffix;
            Method method = RequestAndDerived.class.getMethod(getter);
            assertEquals(component.getGenericType(), method.getGenericReturnType(), getter);
            assertEquals(component.getAccessor().invoke(fact), method.invoke(both), getter);
            checked++;
        }
        return checked;
    }
}
