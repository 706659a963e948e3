namespace K8sBot.Core.Content;

/// <summary>The concept ids other parts of the system rely on. The first eight start every curriculum.</summary>
public static class Curriculum
{
    /// <summary>The concepts our users began from, in this order.</summary>
    public static IReadOnlyList<string> StarterIds { get; } =
        ["pod", "replicaset", "secret", "deployment", "daemonset", "ingress", "cronjob", "customresourcedefinition"];

    /// <summary>Every id the catalogue must contain (a contract with stored progress and checks).</summary>
    public static IReadOnlyList<string> RequiredIds { get; } =
    [
        .. StarterIds,
        "statefulset", "job", "horizontalpodautoscaler", "service", "networkpolicy", "configmap", "volume",
        "persistentvolume", "persistentvolumeclaim", "storageclass", "namespace", "node", "label", "selector",
        "annotation", "serviceaccount", "role", "rolebinding", "clusterrole", "controller", "operator",
        "kube-apiserver", "etcd", "kube-scheduler", "kube-controller-manager", "kubelet", "kube-proxy", "probe",
        "requests-and-limits", "taint-and-toleration", "affinity", "poddisruptionbudget", "init-container",
        "rolling-update", "kubectl",
    ];
}
