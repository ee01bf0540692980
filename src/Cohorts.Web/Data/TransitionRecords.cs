using Cohorts.Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cohorts.Web.Data;

/// <summary>The columns every lifecycle's history shares (<see cref="TransitionRecord{TState, TTrigger}"/>): stored by name, so the enums' order is free.</summary>
internal static class TransitionRecords
{
    public static void MapHistory<TRecord, TState, TTrigger>(this EntityTypeBuilder<TRecord> transition, string table)
        where TRecord : TransitionRecord<TState, TTrigger>
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        transition.ToTable(table);
        transition.Property(t => t.From).HasConversion<string>().HasMaxLength(40);
        transition.Property(t => t.To).HasConversion<string>().HasMaxLength(40);
        transition.Property(t => t.Trigger).HasConversion<string>().HasMaxLength(40);
        transition.Property(t => t.ActorKind).HasConversion<string>().HasMaxLength(20);
        transition.Property(t => t.ActorName).HasMaxLength(300);
        transition.Property(t => t.Reason).HasMaxLength(2000);
    }
}
