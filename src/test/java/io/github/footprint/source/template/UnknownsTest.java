package io.github.footprint.source.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** A value nobody can render is an unknown token in the text, never a syntax error, never a number. */
class UnknownsTest {
    @Test
    void theTokenFormatAndItsParsing() {
        String t = "processes=" + Unknowns.token(12) + " threads=" + Unknowns.token(3);
        assertEquals("processes=\uE00012\uE001 threads=\uE0003\uE001", t);
        List<Unknowns.Span> spans = Unknowns.find(t);
        assertEquals(2, spans.size());
        assertEquals(12, spans.get(0).id());
        assertEquals(10, spans.get(0).start());
        assertEquals(14, spans.get(0).end());
        assertEquals(3, Unknowns.at(t, spans.get(1).start()).id());
        assertNull(Unknowns.at(t, 0));
        assertTrue(Unknowns.contains(t));
        assertFalse(Unknowns.contains("processes=2"));
        assertTrue(Unknowns.isToken(Unknowns.token(7)));
        assertFalse(Unknowns.isToken(Unknowns.token(7) + "x"));
        // a lone private-use character is no token
        assertEquals(List.of(), Unknowns.find("a\uE000b\uE001 \uE0001"));
        Unknown u = new Unknown(12, 4, "{{ workers }}", List.of("workers"), Dialect.JINJA2, false);
        assertEquals("processes={{ workers }} threads=<unknown>", Unknowns.describe(t, Map.of(12, u)));
    }

    @Test
    void anUndefinedVariableIsAnUnknownWithTheVariableThatWouldSettleIt() {
        RenderedTemplate r = Jinja.render("[app:main]\n\nworkers = {{ workers }}\nurl = postgresql://{{ db.host }}/x\n",
                "other: 1\n");
        assertEquals("[app:main]\n\nworkers = <?1>\nurl = postgresql://<?2>/x\n", Jinja.shown(r));
        Unknown w = r.unknowns().get(1);
        assertEquals(3, w.templateLine());
        assertEquals("{{ workers }}", w.written());
        assertEquals(List.of("workers"), w.variables());
        assertEquals(Dialect.JINJA2, w.dialect());
        assertEquals(List.of("db.host"), r.unknowns().get(2).variables());
        assertEquals(List.of(), r.problems(), "an unknown is no error");
        assertTrue(r.parseable());
    }

    @Test
    void defaultSettlesAnUndefinedValueAndNothingElseDoes() {
        assertEquals("4", Jinja.render("{{ x | default(4) }}", "").text());
        assertEquals("4", Jinja.render("{{ x | d(4) }}", "").text());
        assertEquals("3", Jinja.render("{{ x | default(y) | default(3) }}", "").text());
        assertEquals("5", Jinja.render("{{ x.y.z | default(5) }}", "").text(), "Ansible's undefined chains");
        assertEquals("no", Jinja.render("{{ 'yes' if x is defined else 'no' }}", "").text());
        assertEquals("2", Jinja.render("{{ (x | default(1)) + 1 }}", "").text());
        for (String e : new String[] {"x | int", "x + 1", "x ~ 'a'", "x == 1", "x | lower", "[x, 1] | length",
            "'a' if x else 'b'", "x * 2", "x.split(',')", "x | mandatory", "x in [1]", "x | to_json"}) {
            RenderedTemplate r = Jinja.render("{{ " + e + " }}", "");
            assertEquals("<?1>", Jinja.shown(r), e);
            assertEquals(List.of("x"), r.unknowns().get(1).variables(), e);
            assertEquals(List.of(), r.problems(), e);
        }
    }

    @Test
    void aSetVariableKeepsItsUnknownAndATemplatedVariableIsRenderedWhenUsed() {
        RenderedTemplate r = Jinja.render("{% set n = workers * 2 %}\nprocesses={{ n }}\nname={{ site }}\n",
                "site: '{{ app }}-{{ env | default(\"prod\") }}'\napp: shop\n");
        assertEquals("processes=<?1>\nname=shop-prod\n", Jinja.shown(r));
        assertEquals(List.of("workers"), r.unknowns().get(1).variables());
        assertEquals(2, r.unknowns().get(1).templateLine());
        // a variable whose template needs an undefined one is itself undefined: default applies, as in Ansible
        assertEquals("8", Jinja.render("{{ w | default(8) }}", "w: '{{ cores * 2 }}'").text());
        assertEquals("<?1>", Jinja.shown(Jinja.render("{{ w }}", "w: '{{ cores * 2 }}'")));
        assertEquals(List.of("cores"), Jinja.render("{{ w }}", "w: '{{ cores * 2 }}'").unknowns().get(1)
                .variables());
        // eval_concat: a templated variable that renders a list is a list
        assertEquals("3", Jinja.render("{{ ports | length }}", "ports: '{{ [80, 443] + [8080] }}'").text());
    }

    @Test
    void factsAndMagicVariablesAreUnknownNotUndefined() {
        RenderedTemplate r = Jinja.render("processes={{ ansible_processor_vcpus | default(2) }}\n"
                + "host={{ inventory_hostname }}\n# {{ ansible_managed }}\n", "");
        assertEquals("processes=<?1>\nhost=<?2>\n# Ansible managed\n", Jinja.shown(r));
        assertEquals(List.of("ansible_processor_vcpus"), r.unknowns().get(1).variables());
    }

    @Test
    void aVaultedValueIsUnknownSecretAndDefinedAndNeverPrinted() {
        String vars = "db_password: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  6162636465666768\n  3132333435\n"
                + "db:\n  user: app\n  password: !vault |\n    $ANSIBLE_VAULT;1.1;AES256\n    616263\n";
        RenderedTemplate r = Jinja.render("a={{ db_password }}\nb={{ db_password | default('none') }}\n"
                + "c={{ 'set' if db_password is defined else 'unset' }}\nd={{ db.password }}\ne={{ db.user }}\n", vars);
        assertEquals("a=<?1>\nb=<?2>\nc=set\nd=<?3>\ne=app\n", Jinja.shown(r));
        assertTrue(r.unknowns().values().stream().allMatch(Unknown::secret), r.unknowns().toString());
        assertEquals(List.of("db.password"), r.unknowns().get(3).variables());
        assertFalse(r.text().contains("ANSIBLE_VAULT"));
        assertFalse(r.text().contains("6162"));
    }

    @Test
    void aVaultFileMakesEveryNameItMayDefineUnknown() throws Exception {
        Map<String, Object> plain = Jinja.yaml("port: 8080\n");
        Variables v = new Variables(List.of(
                new Variables.Layer("group_vars/all/vars.yml", "group_vars/all", null, plain, false),
                new Variables.Layer("group_vars/all/vault.yml", "group_vars/all", null, Map.of(), true)),
                Map.of(), List.of());
        RenderedTemplate r = Jinja.render("{{ port }} {{ vault_db_password | default('x') }}", v, Choices.DEFAULT);
        assertEquals("8080 <?1>", Jinja.shown(r), "with a vault in scope, default cannot apply: the name may be there");
        assertTrue(VarsFiles.isVault("$ANSIBLE_VAULT;1.1;AES256\n6162\n"));
        assertTrue(VarsFiles.read("vault.yml", "$ANSIBLE_VAULT;1.1;AES256\n6162\n").encrypted());
    }

    @Test
    void secretsAreTheValuesOfSecretNamesAndUrlPasswords() {
        Variables v = Variables.of(Jinja.yaml("db_password: s3cr3t-pw\napi_token: tok-123\nssl_key: /etc/k.pem\n"
                + "monkey: banana\nkeepalive: 5\nsecret_key_length: 32\nurl: 'postgresql://app:pw-in-url@db/app'\n"
                + "app: {admin_passwd: adm1n, name: shop}\nvaulted_token: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  61\n"
                + "templated_password: '{{ other }}'\n"));
        assertEquals(List.of("/etc/k.pem", "adm1n", "pw-in-url", "s3cr3t-pw", "tok-123"),
                v.secretValues().stream().sorted().collect(Collectors.toList()));
        assertTrue(v.secretNames().containsAll(List.of("db_password", "api_token", "ssl_key", "app.admin_passwd",
                "vaulted_token", "secret_key_length")), v.secretNames().toString());
        assertFalse(v.secretNames().contains("monkey"));
        assertFalse(v.secretNames().contains("keepalive"));
        assertTrue(Variables.isSecretName("SECRET_KEY"));
        assertTrue(Variables.isSecretName("mysql_root_pwd"));
        assertFalse(Variables.isSecretName("keys_dir"));
    }
}
