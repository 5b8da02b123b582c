using System.Text.Json;
using Comments.Training.Data;
using Comments.Training.Perturbation;

namespace Comments.Training.Cli;

/// <summary>perturb --data file... [--seed n] --out file.jsonl: writes an evasive copy of every row.</summary>
public static class PerturbCommand
{
    public static int Run(Arguments args, TextWriter log)
    {
        var files = args.Many("data");
        if (files.Count == 0) throw new UsageException("--data needs at least one file");
        var seed = (int)args.Number("seed", TrainCommand.PerturbSeed);
        var outPath = args.Required("out");
        args.RejectUnknown();

        var perturber = new Perturber(seed);
        var rows = LabelledFile.ReadAll(files);
        using var writer = new StreamWriter(outPath);
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            writer.WriteLine(JsonSerializer.Serialize(new
            {
                text = perturber.Perturb(r.Text, i), label = r.Label ? 1 : 0, source = r.Source, split = r.Split, group = r.Group, weight = r.Weight,
            }));
        }
        log.WriteLine($"{rows.Count} perturbed rows → {outPath}");
        return 0;
    }
}
