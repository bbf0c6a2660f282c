package dev.orderflow.messaging.registry;

import com.microsoft.kiota.ApiException;
import dev.orderflow.events.EventDescriptor;
import dev.orderflow.events.schema.CompatibilityRule;
import dev.orderflow.events.schema.SchemaHistory;
import dev.orderflow.events.schema.SchemaRevision;
import io.apicurio.registry.rest.client.RegistryClient;
import io.apicurio.registry.rest.client.models.CreateArtifact;
import io.apicurio.registry.rest.client.models.CreateGroup;
import io.apicurio.registry.rest.client.models.CreateRule;
import io.apicurio.registry.rest.client.models.CreateVersion;
import io.apicurio.registry.rest.client.models.IfArtifactExists;
import io.apicurio.registry.rest.client.models.Rule;
import io.apicurio.registry.rest.client.models.RuleType;
import io.apicurio.registry.rest.client.models.VersionContent;
import org.apache.avro.Schema;
import org.jboss.logging.Logger;

/**
 * What the relay registers before the first event of a contract: the group's compatibility rule
 * (the build gate's {@link CompatibilityRule#PROJECT_RULE}) once, then the contract's committed
 * schema history in revision order. Idempotent.
 */
final class ContractRegistration {
    private static final Logger LOG = Logger.getLogger(ContractRegistration.class);

    private final RegistryClient client;
    private final String group;
    private volatile boolean groupRuleSet;

    ContractRegistration(RegistryClient client, String group) {
        this.client = client;
        this.group = group;
    }

    /** Group rule once per process, then the contract's committed history in revision order (idempotent). */
    void ensureRegistered(EventDescriptor<?> contract, boolean alreadyRegistered) {
        if (!groupRuleSet) {
            synchronized (this) {
                if (!groupRuleSet) {
                    ensureGroupRule();
                    groupRuleSet = true;
                }
            }
        }
        if (alreadyRegistered) {
            return;
        }
        for (SchemaRevision revision : SchemaHistory.of(contract)) {
            register(contract.type(), revision.schema());
        }
    }

    /** Registers one schema as a version of the contract's artifact, or finds it if already there. */
    void register(String type, Schema schema) {
        VersionContent content = new VersionContent();
        content.setContent(schema.toString());
        content.setContentType("application/json");
        CreateVersion version = new CreateVersion();
        version.setContent(content);
        CreateArtifact artifact = new CreateArtifact();
        artifact.setArtifactId(type);
        artifact.setArtifactType("AVRO");
        artifact.setFirstVersion(version);
        client.groups().byGroupId(group).artifacts().post(artifact, request -> {
            request.queryParameters.ifExists = IfArtifactExists.FIND_OR_CREATE_VERSION;
        });
    }

    private void ensureGroupRule() {
        String rule = CompatibilityRule.PROJECT_RULE.name();
        try {
            CreateGroup created = new CreateGroup();
            created.setGroupId(group);
            client.groups().post(created);
        } catch (ApiException exists) {
            if (exists.getResponseStatusCode() != 409) {
                throw exists;
            }
        }
        try {
            CreateRule create = new CreateRule();
            create.setRuleType(RuleType.COMPATIBILITY);
            create.setConfig(rule);
            client.groups().byGroupId(group).rules().post(create);
        } catch (ApiException exists) {
            if (exists.getResponseStatusCode() != 409) {
                throw exists;
            }
            Rule update = new Rule();
            update.setRuleType(RuleType.COMPATIBILITY);
            update.setConfig(rule);
            client.groups().byGroupId(group).rules().byRuleType(RuleType.COMPATIBILITY.getValue()).put(update);
        }
        LOG.infof("schema registry group %s: compatibility rule %s (the build gate's rule)", group, rule);
    }

}
