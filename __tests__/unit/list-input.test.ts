import { listItems } from '../../src/inputs/list-input.js';
import { parseRoutes } from '../../src/routes/routes.js';
import { parseRules } from '../../src/rules/rules.js';
import { parseSuppress } from '../../src/suppress/suppress.js';

const URL = 'https://prod-01.westeurope.environment.api.powerplatform.com/workflows/abc/triggers/manual/paths/invoke?api-version=1&sig=x';

test('one separator rule for routes, suppress and rules: a YAML list, or one text split on commas, values trimmed', () => {
  expect(listItems(['a b', 'c'])).toEqual(['a b', 'c']);
  expect(listItems(' a , b,,c ')).toEqual(['a', 'b', 'c']);
  expect(listItems('Consent to application., Add member to role.')).toEqual(['Consent to application.', 'Add member to role.']);
  expect(listItems(3)).toEqual([3]);
  // The same text means the same values in each input.
  const routes = parseRoutes(`- name: soc\n  severity: high, medium\n  webhook-url: ${URL}`, false);
  expect(routes[0].severities).toEqual(['high', 'medium']);
  const suppress = parseSuppress('- name: scan\n  reason: pen test\n  severity: high, medium\n  users: a@contoso.com, b@contoso.com');
  expect(suppress[0].severities).toEqual(['high', 'medium']);
  expect(suppress[0].users).toEqual(['a@contoso.com', 'b@contoso.com']);
  const rules = parseRules('- name: consent\n  type: match\n  operations: Consent to application., Add member to role.');
  expect(rules[0].operations).toEqual(['Consent to application.', 'Add member to role.']);
});

test('values run together with a space are an error that says to use commas, not a silent non-match', () => {
  expect(() => parseRoutes(`- name: soc\n  severity: high medium\n  webhook-url: ${URL}`, false)).toThrow(
    /Input 'routes' route 'soc': 'severity' has 'high medium', which is not a valid value\. Valid values: /
  );
  expect(() => parseSuppress('- name: scan\n  reason: pen test\n  users: a@contoso.com b@contoso.com')).toThrow(
    /Input 'suppress' rule 'scan': 'users' has 'a@contoso.com b@contoso.com', which holds a space\. Separate values with commas/
  );
});
