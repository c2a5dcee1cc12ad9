/**
 * The root Pulumi program (Pulumi.yaml `main`): reads the stack config (`agora-egress:*`),
 * validates it like the CLI does (errors name the stack file and key, before any resource),
 * resolves it, deploys the cloud targets the stack configures and exports the allowlist,
 * widenings, quota usage, planned resources and application settings.
 *
 * `agora-egress:aws` deploys the AwsAgoraEgress component, `agora-egress:azure` the
 * AzureAgoraEgress component, `agora-egress:awsOrganization` AwsAgoraEgressOrganization and
 * `agora-egress:azureNetworkManager` AzureAgoraEgressNetworkManager: each finds the plan made
 * here for the exports (the one planning path, src/planning, shares it) and creates exactly its
 * resources. Bad config stops the run with one line naming the stack file
 * and key (a RunError), not a stack trace.
 *
 * In production the endpoints are passed to the components as a secret, so every resource
 * input that carries them is a secret in the state too (the components plan inside an apply,
 * see src/components/build.ts); the plans are made here beforehand from the same values, so a
 * bad value still fails before anything is registered.
 */
import * as pulumi from "@pulumi/pulumi";
import { allowLines } from "./model/allow-lines";
// The stack schemas check what the components require (scope, networkManagerId) and read the rest as given.
import { AwsAgoraEgress, AwsAgoraEgressOrganization, AwsAgoraEgressOrganizationArgs } from "./components/aws";
import { AzureAgoraEgress, AzureAgoraEgressNetworkManager, AzureAgoraEgressNetworkManagerArgs } from "./components/azure";
import { Plan } from "./renderers/plan";
import { InputError } from "./model";
import {
  STACK_KEY_KINDS, StackSelection, isStackKey, planAws, planAwsOrganization, planAzure, planAzureNetworkManager, resolveStack, selectionArgs, stackConfigFromValues, targetOrigin, withOrigins,
} from "./stack";
import { PlainSelectionArgs } from "./args/selection-args";
import { shareArgsResolution } from "./components/plan-cache";
import { Resolution } from "./resolve";

const config = new pulumi.Config();
const stackName = pulumi.getStack();
const file = `Pulumi.${stackName}.yaml`;

/** Every `agora-egress:*` key that is set, read with the typed Config getters (secrets arrive decrypted). */
function projectValues(): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const fullKey of Object.keys(pulumi.runtime.allConfig())) {
    if (!fullKey.startsWith(`${config.name}:`)) continue;
    const key = fullKey.slice(config.name.length + 1);
    values[key] = isStackKey(key) && STACK_KEY_KINDS[key] === "object" ? config.getObject(key) : config.get(key);
  }
  return values;
}

/** Bad config as Pulumi prints it best: one line (a RunError), naming the stack file and key. */
function validated<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof InputError) throw new pulumi.RunError(err.message);
    throw err;
  }
}

// Everything that can fail on bad config runs now, before any resource exists: the plan of
// every configured target, and the check that the components can deploy the selection.
const { stack, resolution, plans, args } = validated(() => {
  const stack: StackSelection = stackConfigFromValues(stackName, file, projectValues());
  const resolution: Resolution = resolveStack(stack);
  const args: PlainSelectionArgs | undefined = stack.aws || stack.azure || stack.awsOrganization || stack.azureNetworkManager ? selectionArgs(stack) : undefined;
  // The components resolve these args: under their key they find this resolution, and with it
  // the plans made next, so each target is rendered once (src/planning).
  if (args) shareArgsResolution(args, resolution);
  const plans: { aws?: Plan; azure?: Plan; awsOrganization?: Plan; azureNetworkManager?: Plan } = withOrigins(targetOrigin(file), () => ({
    ...(stack.aws ? { aws: planAws(resolution, stack.aws) } : {}),
    ...(stack.azure ? { azure: planAzure(resolution, stack.azure) } : {}),
    ...(stack.awsOrganization ? { awsOrganization: planAwsOrganization(resolution, stack.awsOrganization) } : {}),
    ...(stack.azureNetworkManager ? { azureNetworkManager: planAzureNetworkManager(resolution, stack.azureNetworkManager) } : {}),
  }));
  return { stack, resolution, plans, args };
});

// Production endpoints are private to each customer: keep the outputs that carry them secret.
const secret = resolution.selection.access === "cloud-proxy" && resolution.selection.environment === "production";
const keepSecret = <T>(value: T): T | pulumi.Output<pulumi.Unwrap<T>> => (secret ? pulumi.secret(value) : value);
// And the resource inputs that carry them: the components keep whatever derives from a secret secret.
const componentArgs = args && {
  ...args,
  ...(secret && args.productionEndpoints ? { productionEndpoints: pulumi.secret(args.productionEndpoints) } : {}),
  ...(secret && args.productionProxyServers ? { productionProxyServers: pulumi.secret(args.productionProxyServers) } : {}),
};

const awsEgress = stack.aws && componentArgs ? new AwsAgoraEgress("aws", { ...componentArgs, ...stack.aws }) : undefined;
const azureEgress = stack.azure && componentArgs ? new AzureAgoraEgress("azure", { ...componentArgs, ...stack.azure }) : undefined;
const awsOrganization = stack.awsOrganization && componentArgs
  ? new AwsAgoraEgressOrganization("aws-organization", { ...componentArgs, ...stack.awsOrganization } as AwsAgoraEgressOrganizationArgs)
  : undefined;
const azureNetworkManager = stack.azureNetworkManager && componentArgs
  ? new AzureAgoraEgressNetworkManager("azure-network-manager", { ...componentArgs, ...stack.azureNetworkManager } as AzureAgoraEgressNetworkManagerArgs)
  : undefined;
const perCloud = <T>(pick: (plan: Plan) => T): { aws?: T; azure?: T; awsOrganization?: T; azureNetworkManager?: T } => ({
  ...(plans.aws ? { aws: pick(plans.aws) } : {}),
  ...(plans.azure ? { azure: pick(plans.azure) } : {}),
  ...(plans.awsOrganization ? { awsOrganization: pick(plans.awsOrganization) } : {}),
  ...(plans.azureNetworkManager ? { azureNetworkManager: pick(plans.azureNetworkManager) } : {}),
});

export const edition = resolution.edition;
/** The allowlist, one object per `rules --format jsonl` line. */
export const rules = keepSecret(allowLines(resolution.ruleSet));
export const notes = resolution.notes;
export const appSettings = keepSecret(resolution.appSettings);
export const proxyDomains = resolution.proxyDomains;
/** Per cloud: rules a target cannot express exactly, and the wider form they got. */
export const widenings = keepSecret(perCloud((p) => p.widenings));
/** Per cloud: use of each platform quota or limit. */
export const quotas = perCloud((p) => p.quotas);
/** Per cloud: the planned resources (type and logical name), as `agora-egress plan` shows them. */
export const resources = keepSecret(perCloud((p) => p.resources.map((r) => ({ type: r.type, name: r.name }))));
/** The AWS ids to wire into your network (security groups to attach, the rule group or policy for your firewall). */
export const aws = awsEgress && {
  securityGroupIds: awsEgress.securityGroupIds,
  prefixListIds: awsEgress.prefixListIds,
  ruleGroupArn: awsEgress.ruleGroupArn,
  firewallPolicyArn: awsEgress.firewallPolicyArn,
  dnsFirewallRuleGroupId: awsEgress.dnsFirewallRuleGroupId,
};
/** The organisation scope on AWS: the Firewall Manager policies and what they reference. */
export const awsOrganizationIds = awsOrganization && {
  policyIds: awsOrganization.policyIds,
  primarySecurityGroupIds: awsOrganization.primarySecurityGroupIds,
  ruleGroupArn: awsOrganization.ruleGroupArn,
  dnsFirewallRuleGroupId: awsOrganization.dnsFirewallRuleGroupId,
  resourceShareArn: awsOrganization.resourceShareArn,
};
/** The network manager scope on Azure: the security admin configuration and the base Firewall Policy. */
export const azureNetworkManagerIds = azureNetworkManager && {
  securityAdminConfigurationId: azureNetworkManager.securityAdminConfigurationId,
  adminRuleIds: azureNetworkManager.adminRuleIds,
  commitId: azureNetworkManager.commitId,
  firewallPolicyId: azureNetworkManager.firewallPolicyId,
  childFirewallPolicyIds: azureNetworkManager.childFirewallPolicyIds,
};
/** The Azure ids to wire into your network (the NSG to associate, the policy for your firewall, the DNS policy). */
export const azure = azureEgress && {
  networkSecurityGroupId: azureEgress.networkSecurityGroupId,
  firewallPolicyId: azureEgress.firewallPolicyId,
  ruleCollectionGroupId: azureEgress.ruleCollectionGroupId,
  ipGroupIds: azureEgress.ipGroupIds,
  dnsSecurityPolicyId: azureEgress.dnsSecurityPolicyId,
};
